import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../../app/sync/appSync';
import type { DraftAccessRecord } from '../../../db/records';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { useIsOnline } from '../../../sync/connectivity';
import { changeRole, fetchAccess, shareDraft, withdrawAccess, type ShareResult } from './shareActions';
import type { DraftAccessView, GranteeRole, ShareFailure } from './shareOutcome';

const ROLES: GranteeRole[] = ['editor', 'reader'];
/** An address or a date inside a sentence keeps its own direction (Unicode isolates). */
const isolated = (text: string) => `\u2068${text}\u2069`;
/** How often an open shared draft asks the hub who changed it last. */
const ACCESS_REFRESH_MS = 15_000;

type Message = { kind: 'done'; key: string; email: string } | { kind: 'failed'; failure: ShareFailure } | null;

/**
 * Who has access to the draft and, for its author, sharing it by e-mail as editor or reader,
 * changing a role and withdrawing access. What the device knows offline (the hub's draftAccess
 * record) is shown always; the hub is asked, when it can be, for who changed the draft last.
 */
export function SharePanel({ draftId, access }: { draftId: string; access: DraftAccessRecord | null }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const isOnline = useIsOnline();
  const account = useSyncState((state) => state.account);
  const [live, setLive] = useState<DraftAccessView | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GranteeRole>('editor');
  const [isBusy, setBusy] = useState(false);
  const canAsk = isOnline && account !== null;
  const isOwner = !access || access.role === 'owner';
  const members = live?.members ?? access?.members ?? [];
  const ownerEmail = live?.owner ?? access?.ownerEmail ?? account?.email ?? null;
  const accessStamp = access?.hlc;

  // Asked again after each change made here, when the device learns of one (a new access stamp),
  // and now and then while the draft is shared, for who changed it last.
  const [asked, askAgain] = useState(0);
  const isShared = members.length > 0 || !isOwner;
  useEffect(() => {
    if (!canAsk || !isShared) return;
    const timer = setInterval(() => askAgain((n) => n + 1), ACCESS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [canAsk, isShared]);
  useEffect(() => {
    if (!canAsk) return;
    let isCurrent = true;
    void fetchAccess(draftId).then((result) => {
      if (isCurrent && result.ok) setLive(result.access);
    });
    return () => {
      isCurrent = false;
    };
  }, [canAsk, draftId, accessStamp, asked]);

  async function act(run: () => Promise<ShareResult>, key: string, who: string) {
    setBusy(true);
    const result = await run();
    setBusy(false);
    setMessage(result.ok ? { kind: 'done', key, email: who } : { kind: 'failed', failure: result.failure });
    if (result.ok) askAgain((n) => n + 1);
    return result.ok;
  }

  return (
    <section className="card share-panel" aria-labelledby="share-heading" data-testid="share-panel">
      <h2 id="share-heading">{t('share.heading')}</h2>
      {access && access.role !== 'owner' && (
        <p className="notice" data-testid="shared-with-you" data-role={access.role}>
          {t(`share.sharedWithYou.${access.role}`, { owner: isolated(access.ownerEmail) })}
        </p>
      )}
      {isOwner && members.length === 0 && <p className="hint">{t('share.intro')}</p>}
      {(members.length > 0 || !isOwner) && (
        <>
          <h3 id="share-members">{t('share.members')}</h3>
          <ul className="share-members" aria-labelledby="share-members" data-testid="share-members">
            {ownerEmail && (
              <li>
                <bdi dir="ltr">{ownerEmail}</bdi> <span className="hint">{t('share.roles.owner')}</span>
              </li>
            )}
            {members.map((member) => (
              <li key={member.email} data-testid="share-member">
                <bdi dir="ltr">{member.email}</bdi>{' '}
                {isOwner ? (
                  <>
                    <select
                      aria-label={t('share.roleOf', { email: member.email })}
                      value={member.role}
                      disabled={!canAsk || isBusy}
                      onChange={(event) => {
                        const next = event.target.value as GranteeRole;
                        void act(() => changeRole(draftId, member.email, next), 'changed', member.email);
                      }}
                    >
                      {ROLES.map((each) => (
                        <option key={each} value={each}>
                          {t(`share.roles.${each}`)}
                        </option>
                      ))}
                    </select>{' '}
                    <button
                      type="button"
                      className="button subtle"
                      disabled={!canAsk || isBusy}
                      onClick={() => void act(() => withdrawAccess(draftId, member.email), 'withdrawn', member.email)}
                    >
                      {t('share.withdraw')}
                    </button>
                  </>
                ) : (
                  <span className="hint">{t(`share.roles.${member.role}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {live?.lastChangedBy && live.lastChangedAt && (
        <p className="hint" data-testid="share-last-changed">
          {t('share.lastChanged', {
            email: isolated(live.lastChangedBy),
            when: isolated(formatDate(new Date(live.lastChangedAt), lang, { dateStyle: 'medium', timeStyle: 'short' })),
          })}
        </p>
      )}
      {!account && <p className="hint">{t('share.signedOut')}</p>}
      {account && !isOnline && <p className="hint">{t('share.offline')}</p>}
      {isOwner ? (
        <form
          className="share-form"
          onSubmit={(event) => {
            event.preventDefault();
            const who = email.trim();
            void act(() => shareDraft(draftId, who, role), 'shared', who).then((ok) => ok && setEmail(''));
          }}
        >
          <label>
            {t('share.email')}{' '}
            <input
              type="email"
              dir="ltr"
              required
              value={email}
              data-testid="share-email"
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label>
            {t('share.role')}{' '}
            <select
              value={role}
              data-testid="share-role"
              onChange={(event) => setRole(event.target.value as GranteeRole)}
            >
              {ROLES.map((each) => (
                <option key={each} value={each}>
                  {t(`share.roles.${each}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary" disabled={!canAsk || isBusy} data-testid="share-submit">
            {t('share.submit')}
          </button>
        </form>
      ) : (
        account && (
          <button
            type="button"
            className="button subtle"
            disabled={!canAsk || isBusy}
            onClick={() => void act(() => withdrawAccess(draftId, account.email), 'left', account.email)}
          >
            {t('share.leave')}
          </button>
        )
      )}
      {message && (
        <p
          className={message.kind === 'done' ? 'notice notice-success' : 'notice notice-warning'}
          role={message.kind === 'done' ? 'status' : 'alert'}
          data-testid="share-message"
        >
          {message.kind === 'done'
            ? t(`share.done.${message.key}`, { email: isolated(message.email) })
            : t(`share.failure.${message.failure}`)}
        </p>
      )}
    </section>
  );
}
