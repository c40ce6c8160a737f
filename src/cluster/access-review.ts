import type {ApiClient} from './api-client.js';

export interface AccessQuestion {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  subresource?: string;
  name?: string;
}

// Asks the server whether the current user may do something (what `kubectl auth can-i` does), so kview offers
// only the actions RBAC allows. An error answers "no": offering an action that then fails is worse.
export async function canI(client: ApiClient, question: AccessQuestion): Promise<boolean> {
  try {
    const review = await client.sendJson<{status?: {allowed?: boolean}}>(
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {resourceAttributes: question},
      },
    );
    return review.status?.allowed === true;
  } catch {
    return false;
  }
}
