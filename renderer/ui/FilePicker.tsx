import { useId } from 'react';

/**
 * A button that opens the system's file chooser: a real (visually hidden) file input, so it is
 * reached by keyboard, with its label styled as a button that shows the input's focus.
 */
export function FilePicker({
  label,
  accept,
  testId,
  onFile,
}: {
  label: string;
  accept: string;
  testId: string;
  onFile: (file: File) => void;
}) {
  const id = useId();
  return (
    <span className="file-picker">
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label className="button" htmlFor={id}>
        {label}
      </label>
    </span>
  );
}
