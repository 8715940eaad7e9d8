/**
 * CloudFront in front of the system: pages and the API from the HTTP API, never cached but
 * compressed; static files from a private bucket through origin access control; the app's
 * security headers on everything; a custom domain with TLS 1.2+ when configured.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/http/api.ts';
import type { HttpEvent } from '../../functions/http/types.ts';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/via-cloudfront.ts';
import { readConfig } from '../../lib/config.ts';
import { fakeLambdaContext } from '../../local/lambda-context.ts';
import {
  CDK_PROVIDED,
  functionIdWithDescription,
  type Json,
  rendered,
  resourcesOf,
  synth,
  synthOnce,
  TEST_CONTEXT,
  theOne,
} from './helpers.ts';

/** The managed origin request policy "AllViewerExceptHostHeader". */
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
/** The managed cache policy "CachingOptimized". */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

const API_DESCRIPTION = 'Kraeftkapacitet pages and JSON API (every request of the HTTP API)';

const s = synthOnce(TEST_CONTEXT);

function theOneEntry(json: Json, type: string) {
  const found = resourcesOf(json, type);
  expect(found).toHaveLength(1);
  return found[0] as [string, Json];
}

function config() {
  return theOne(s.json, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
}

describe('CloudFront distribution', () => {
  it('serves HTTP/2 and HTTP/3 over HTTPS only, from Europe and North America', () => {
    const c = config();
    expect(c.HttpVersion).toBe('http2and3');
    expect(c.Enabled).toBe(true);
    expect(c.IPV6Enabled).toBe(true);
    expect(c.PriceClass).toBe('PriceClass_100');
    expect(c.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    for (const b of c.CacheBehaviors) expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('sends pages and /api/* to the HTTP API over TLS 1.2, with every method, cookie, query and header but Host', () => {
    const c = config();
    const apiOrigin = c.Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiEndpoint');
    const d = c.DefaultCacheBehavior;
    expect(d.TargetOriginId).toBe(apiOrigin.Id);
    expect(d.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    expect(d.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST);
    expect(d.Compress).toBe(true);
  });

  it('proves each request to the API came through CloudFront with a generated secret header only the API function knows', () => {
    const apiOrigin = config().Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig);
    const [secretId, secret] = theOneEntry(s.json, 'AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 40, ExcludePunctuation: true });
    expect(apiOrigin.OriginCustomHeaders).toHaveLength(1);
    const [header] = apiOrigin.OriginCustomHeaders;
    expect(header.HeaderName).toBe(ORIGIN_VERIFY_HEADER);
    // A dynamic reference CloudFormation resolves at deployment: the template holds no secret.
    const reference = JSON.stringify(header.HeaderValue);
    expect(reference).toContain('{{resolve:secretsmanager:');
    expect(reference).toContain(`{"Ref":"${secretId}"}`);

    const holders = resourcesOf(s.json, 'AWS::Lambda::Function').filter(
      ([, f]) => f.Properties.Environment?.Variables?.ORIGIN_SECRET,
    );
    expect(holders.map(([id]) => id)).toEqual([functionIdWithDescription(s.json, API_DESCRIPTION)]);
    expect(holders[0]?.[1].Properties.Environment.Variables.ORIGIN_SECRET).toEqual(header.HeaderValue);
  });

  it('never caches pages (TTL 0 by default, the app answers no-store) yet compresses them with Brotli and gzip', () => {
    const policies = resourcesOf(s.json, 'AWS::CloudFront::CachePolicy');
    expect(policies).toHaveLength(1);
    const [id, policy] = policies[0] as [
      string,
      { Properties: { CachePolicyConfig: Record<string, unknown> } },
    ];
    expect(config().DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: id });
    expect(policy.Properties.CachePolicyConfig).toMatchObject({
      MinTTL: 0,
      DefaultTTL: 0,
      MaxTTL: 1,
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingBrotli: true,
        EnableAcceptEncodingGzip: true,
        // Even an answer that asked to be cached could only go back to the same session / token.
        CookiesConfig: { CookieBehavior: 'all' },
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization', 'Accept'] },
      },
    });
  });

  it('serves /static/* and /favicon.ico from the private asset bucket through origin access control, cached and compressed', () => {
    const c = config();
    const s3Origin = c.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(c.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual([
      '/favicon.ico',
      '/static/*',
    ]);
    for (const b of c.CacheBehaviors) {
      expect(b.TargetOriginId).toBe(s3Origin.Id);
      expect(b.AllowedMethods).toEqual(['GET', 'HEAD']);
      expect(b.CachePolicyId).toBe(CACHING_OPTIMIZED);
      expect(b.Compress).toBe(true);
    }
    s.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
  });

  it('keeps the asset bucket private and encrypted, readable only by this distribution', () => {
    const s3Origin = config().Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    const bucketId: string = s3Origin.DomainName['Fn::GetAtt'][0];
    const bucket = s.json.Resources[bucketId] as { Properties: Record<string, unknown> };
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(bucket.Properties.BucketEncryption)).toContain('AES256');
    const [, bucketPolicy] = resourcesOf(s.json, 'AWS::S3::BucketPolicy').find(
      ([, p]) => p.Properties.Bucket.Ref === bucketId,
    ) as [string, { Properties: { PolicyDocument: { Statement: Json[] } } }];
    const policy = bucketPolicy.Properties.PolicyDocument.Statement;
    const read = policy.find(
      (st: { Principal?: { Service?: string } }) => st.Principal?.Service === 'cloudfront.amazonaws.com',
    );
    expect(read.Action).toBe('s3:GetObject');
    expect(JSON.stringify(read.Condition)).toContain('AWS:SourceArn');
    expect(JSON.stringify(read.Resource)).toContain(bucketId);
    expect(
      policy.some(
        (st: { Effect: string; Condition?: unknown }) =>
          st.Effect === 'Deny' && JSON.stringify(st.Condition).includes('aws:SecureTransport'),
      ),
    ).toBe(true);
  });

  it("adds the security headers the app sends to every answer, the S3 files included, without overriding the app's own", async () => {
    const policy = theOne(s.json, 'AWS::CloudFront::ResponseHeadersPolicy').Properties
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // What the handler itself sends (any page; an unknown one needs no database).
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/findes-ikke',
      rawQueryString: '',
      headers: {},
      requestContext: { http: { method: 'GET', path: '/findes-ikke' }, requestId: 'cdn-test' },
    } as unknown as HttpEvent;
    // The api function's environment as deployed (account and region filled in).
    const deployed = (value: Json) =>
      rendered(value)
        .replaceAll('<AWS::AccountId>', '111122223333')
        .replaceAll('<AWS::Region>', 'eu-north-1')
        .replaceAll('<AWS::URLSuffix>', 'amazonaws.com');
    const api = functionIdWithDescription(s.json, API_DESCRIPTION);
    process.env.UPLOAD_ORIGIN = deployed(
      s.json.Resources[api]?.Properties.Environment.Variables.UPLOAD_ORIGIN,
    );
    const answer = await handler(event, fakeLambdaContext('api'));
    delete process.env.UPLOAD_ORIGIN;
    const sent = Object.fromEntries(
      Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(sent['content-security-policy']).toContain(
      "connect-src 'self' https://kraeftkapacitet-test-monitoring-111122223333-eu-north-1.s3.eu-north-1.amazonaws.com",
    );
    expect(deployed(policy.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(
      sent['content-security-policy'],
    );
    expect(policy.ContentSecurityPolicy.Override).toBe(false);
    expect(sent['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(policy.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 31536000,
      IncludeSubdomains: true,
      Override: false,
    });
    expect(sent['x-frame-options']).toBe('DENY');
    expect(policy.FrameOptions).toEqual({ FrameOption: 'DENY', Override: false });
    expect(sent['referrer-policy']).toBe('same-origin');
    expect(policy.ReferrerPolicy).toEqual({ ReferrerPolicy: 'same-origin', Override: false });
    expect(sent['x-content-type-options']).toBe('nosniff');
    expect(policy.ContentTypeOptions).toEqual({ Override: true });
    const c = config();
    for (const b of [c.DefaultCacheBehavior, ...c.CacheBehaviors])
      expect(b.ResponseHeadersPolicyId).toBeDefined();
  });

  it("uploads the content-hashed files as immutable for a year and keeps earlier deployments' files", () => {
    const deployments = resourcesOf(s.json, 'Custom::CDKBucketDeployment').map(([, d]) => d.Properties);
    expect(deployments).toHaveLength(2);
    const hashed = deployments.find((d) => d.DestinationBucketKeyPrefix === 'static/');
    expect(hashed.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(hashed.Prune).toBe(false);
    const favicon = deployments.find((d) => d.DestinationBucketKeyPrefix === undefined);
    expect(favicon.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=86400' });
  });

  it("leaves CDK's deployment-time functions as the only ones outside the app's own", () => {
    const cdk = resourcesOf(s.json, 'AWS::Lambda::Function').filter(([id]) => CDK_PROVIDED.test(id));
    // BucketDeployment's copier and the provider that empties the asset bucket on `cdk destroy`.
    expect(
      cdk.map(([id]) => /^Custom(CDKBucketDeployment|S3AutoDeleteObjects)/.exec(id)?.[1]).sort(),
    ).toEqual(['CDKBucketDeployment', 'S3AutoDeleteObjects']);
  });
});

describe('custom domain', () => {
  const certificateArn =
    'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1234-5678-9abc-0a1b2c3d4e5f';

  it('uses the domain and its certificate with TLS 1.2+ (SNI), and links in e-mails use the domain', () => {
    const custom = synth({ ...TEST_CONTEXT, domainName: 'kraeftkapacitet.regionh.example', certificateArn });
    try {
      const c = theOne(custom.json, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
      expect(c.Aliases).toEqual(['kraeftkapacitet.regionh.example']);
      expect(c.ViewerCertificate).toEqual({
        AcmCertificateArn: certificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      const api = functionIdWithDescription(custom.json, API_DESCRIPTION);
      const env = custom.json.Resources[api]?.Properties.Environment.Variables;
      expect(env.BASE_URL).toBe('https://kraeftkapacitet.regionh.example');
    } finally {
      custom.cleanup();
    }
  });

  it('is refused without its certificate, or with a certificate outside us-east-1', () => {
    const get = (extra: Record<string, string>) => (key: string) => ({ ...TEST_CONTEXT, ...extra })[key];
    expect(() => readConfig(get({ domainName: 'kraeftkapacitet.regionh.example' }))).toThrow(
      /certificateArn is missing/,
    );
    expect(() =>
      readConfig(
        get({
          domainName: 'k.regionh.example',
          certificateArn: certificateArn.replace('us-east-1', 'eu-north-1'),
        }),
      ),
    ).toThrow(/us-east-1/);
  });

  it('attaches a WAF web ACL when one is given', () => {
    const webAclArn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/kraeftkapacitet/0a1b2c3d-1234';
    const withWaf = synth({ ...TEST_CONTEXT, webAclArn });
    try {
      expect(
        theOne(withWaf.json, 'AWS::CloudFront::Distribution').Properties.DistributionConfig.WebACLId,
      ).toBe(webAclArn);
    } finally {
      withWaf.cleanup();
    }
  });
});
