/** A titled list of a hand-in's files, each downloaded through the policy-checked file route. */
export function FileLinks({ title, files }: { title: string; files: { storedFileId: string; name: string }[] }) {
  return (
    <div>
      <p>{title}</p>
      <ul>
        {files.map((file) => (
          <li key={file.storedFileId}>
            <a href={`/api/fichiers/${file.storedFileId}`} download>
              {file.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
