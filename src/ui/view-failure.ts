import {createContext} from 'react';

// How a view's key handler hands a thrown error to the view's boundary (errors in handlers are not render errors,
// so React would not catch them); undefined outside a boundary (see ViewBoundary).
export const ViewFailureContext = createContext<((error: unknown) => void) | undefined>(undefined);
