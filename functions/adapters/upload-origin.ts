/**
 * The origin presigned upload URLs point at in AWS, for the pages' Content-Security-Policy
 * (`connect-src`): the monitoring page PUTs extracts there. Locally they point at the app's own
 * origin (local/server.ts passes them to the embedded engine). No imports: the HTTP middleware
 * computes its headers once from the environment.
 */
export function uploadOrigin(env: Record<string, string | undefined> = process.env): string {
  const bucket = env.MONITORING_BUCKET ?? 'kraeftkapacitet-monitoring';
  return `https://${bucket}.s3.${env.AWS_REGION ?? 'eu-north-1'}.amazonaws.com`;
}
