export interface SubmittedField {
  name: string;
  value: string;
}
export interface Submission {
  host: string;
  path: string;
  fields: SubmittedField[];
  at: number;
}
export interface PortalServer {
  port: number;
  proxyPort: number;
  submissions: Submission[];
  close(): Promise<void>;
}
export function startPortalServer(options?: { port?: number; proxyPort?: number; log?: boolean }): Promise<PortalServer>;
