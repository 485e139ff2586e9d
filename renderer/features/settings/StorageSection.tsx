import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';

interface StorageFacts {
  usage: number | undefined;
  isPersistent: boolean;
}

async function readStorageFacts(): Promise<StorageFacts> {
  const [estimate, isPersistent] = await Promise.all([
    navigator.storage.estimate().catch(() => ({ usage: undefined })),
    navigator.storage.persisted().catch(() => false),
  ]);
  return { usage: estimate.usage, isPersistent };
}

export function StorageSection() {
  const { t, i18n } = useTranslation('settings');
  const [facts, setFacts] = useState<StorageFacts | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void readStorageFacts().then((result) => isCurrent && setFacts(result));
    return () => {
      isCurrent = false;
    };
  }, []);

  const language = i18n.language as LanguageCode;
  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('storage.heading')}</h2>
      {facts && (
        <>
          <p>
            {facts.usage === undefined
              ? t('storage.unknown')
              : t('storage.usage', { usage: formatBytes(facts.usage, language) })}
          </p>
          <p>{facts.isPersistent ? t('storage.persistent') : t('storage.notPersistent')}</p>
        </>
      )}
    </section>
  );
}
