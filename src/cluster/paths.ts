// Collection paths as kubectl builds them; namespace names are validated by the server, but encoded anyway so a
// typed name can never change the path.
export function podsPath(namespace: string | undefined): string {
  return namespace === undefined ? '/api/v1/pods' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
}
