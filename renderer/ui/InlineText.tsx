/**
 * Course text with references in backticks (`Q9/12`, `SG13-C123`): each reference is shown
 * isolated (<bdi>) so that it keeps its own direction inside Arabic text.
 */
export function InlineText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <bdi key={index} className="ref">
            {part}
          </bdi>
        ) : (
          part
        ),
      )}
    </>
  );
}
