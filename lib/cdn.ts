/**
 * CloudFront in front of the whole system (docs/decisions/0006-cdn.md):
 *
 * - pages and `/api/*` go to the HTTP API: never cached (the app answers `no-store`; the policy's
 *   default TTL is 0), every cookie, query string and viewer header except Host forwarded;
 * - `/static/*` and `/favicon.ico` come from a private S3 bucket through origin access control,
 *   uploaded from the build (`.build/static`, content-hashed names, `immutable` for a year);
 * - Brotli and gzip at the edge, HTTP/2 and HTTP/3, HTTPS only (TLS 1.2 to the origin; TLS 1.2+
 *   for viewers when a custom domain and its certificate are given);
 * - the app's security headers on every answer, the S3 files included;
 * - a generated secret in a header on every request to the API, which the function checks
 *   (functions/http/middleware.ts), so the execute-api URL cannot be used around CloudFront.
 */
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../functions/http/via-cloudfront.ts';
import { BUILD_DIR } from '../scripts/build-assets.ts';

/**
 * The content security policy the app sends (functions/http/middleware.ts), for the files
 * CloudFront serves from S3; test/infra/cdn.test.ts checks it against the handler's answer.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:";

/** What the hashed files are served with (and what the local server sends). */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** `/favicon.ico` keeps its name, so browsers look again after a day. */
export const FAVICON_CACHE_CONTROL = 'public, max-age=86400';

export interface CdnProps {
  readonly stage: string;
  /** The HTTP API's endpoint, `https://<id>.execute-api.<region>.amazonaws.com`. */
  readonly apiEndpoint: string;
  /** A custom domain name (needs `certificateArn`). */
  readonly domainName?: string;
  /** An ACM certificate in us-east-1 covering `domainName`. */
  readonly certificateArn?: string;
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach. */
  readonly webAclArn?: string;
  /** Where browsers PUT monitoring uploads (the bucket's origin): the CSP's `connect-src`, as the app sends it. */
  readonly uploadOrigin?: string;
}

export class Cdn extends Construct {
  readonly distribution: Distribution;
  readonly assetBucket: Bucket;
  /** The value CloudFront sends in ORIGIN_VERIFY_HEADER; the API function gets it as ORIGIN_SECRET. */
  readonly originSecret: Secret;
  /** The public base URL, without a trailing slash: the custom domain, or the distribution's. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);

    // Only build output: rebuilt on every deployment, so it goes with the stack.
    this.assetBucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const assetOrigin = S3BucketOrigin.withOriginAccessControl(this.assetBucket);

    // HTTP APIs have no resource policy, and disabling the execute-api endpoint would need a
    // regional custom domain as the origin: CloudFront proves itself with a secret header instead
    // (a custom origin header replaces one a viewer sends under the same name).
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: `Kraeftkapacitet ${props.stage}: the header CloudFront adds to requests to the API`,
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // A dynamic reference: CloudFormation resolves it at deployment; the template holds no value.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originSecret.secretValue.unsafeUnwrap() },
    });

    // Pages are personal and answered `no-store`: nothing is cached (default TTL 0), but a cache
    // policy with a TTL above 0 is what lets CloudFront compress them. Authorization (API tokens)
    // can only reach the origin as part of the cache key; cookies, query and Accept are in it too,
    // so even an answer that asked to be cached could only ever be served back to its own sender.
    const pagePolicy = new CachePolicy(this, 'Pages', {
      comment: `Kraeftkapacitet ${props.stage}: pages and API, not cached, compressed`,
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      cookieBehavior: CacheCookieBehavior.all(),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization', 'Accept'),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Kraeftkapacitet ${props.stage}: the app's security headers, also on static files`,
      // override false: the app's own headers win on pages; S3 files get these.
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: props.uploadOrigin
            ? `${CONTENT_SECURITY_POLICY}; connect-src 'self' ${props.uploadOrigin}`
            : CONTENT_SECURITY_POLICY,
          override: false,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: false },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: false,
        },
      },
    });

    const staticBehavior = {
      origin: assetOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      compress: true,
    };

    const custom =
      props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
          }
        : {};

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Kraeftkapacitet ${props.stage}`,
      defaultBehavior: {
        origin: apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: pagePolicy,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: { '/static/*': staticBehavior, '/favicon.ico': staticBehavior },
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      // Europe and North America: the users are in Denmark.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      webAclId: props.webAclArn,
      ...custom,
    });
    this.url = `https://${props.domainName && props.certificateArn ? props.domainName : this.distribution.distributionDomainName}`;

    // prune: false keeps the files of earlier deployments, so a page rendered just before a deployment
    // still finds its stylesheet; they are small and named by content.
    new BucketDeployment(this, 'DeployHashedAssets', {
      sources: [Source.asset(BUILD_DIR, { exclude: ['*.br', '*.gz', 'favicon.ico'] })],
      destinationBucket: this.assetBucket,
      destinationKeyPrefix: 'static/',
      cacheControl: [CacheControl.fromString(IMMUTABLE_CACHE_CONTROL)],
      prune: false,
    });
    new BucketDeployment(this, 'DeployFavicon', {
      sources: [Source.asset(BUILD_DIR, { exclude: ['*', '!favicon.ico'] })],
      destinationBucket: this.assetBucket,
      cacheControl: [CacheControl.fromString(FAVICON_CACHE_CONTROL)],
      prune: false,
    });

    this.acknowledge(props);
  }

  private acknowledge(props: CdnProps): void {
    const ack = (construct: Construct, id: string, reason: string) =>
      Validations.of(construct).acknowledge({ id, reason });
    ack(
      this.assetBucket,
      'AwsSolutions-S1',
      'The bucket holds only the public build output (stylesheet, fonts, icons) and only CloudFront reads it, through origin access control; S3 server access logs would record nothing but CloudFront fetching public files.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR3',
      'No CloudFront access log on purpose: standard logs always contain the request path, and e-mail links carry their secret in the path (/svar/<token>, /log-ind/link/<token>). Every dynamic request is already in the API access log, which leaves the path out (lib/api.ts).',
    );
    ack(
      this.originSecret,
      'AwsSolutions-SMG4',
      'Not rotated automatically: the value only shows that a request came through this distribution (the app still authenticates every non-public request), and CloudFront and the function read it at deployment, so a rotation function would have to redeploy both at once.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: the users are Danish health-care staff, who also work from abroad; every page except the sign-in form requires a session or an API token.',
    );
    if (!props.webAclArn) {
      ack(
        this.distribution,
        'AwsSolutions-CFR2',
        'A small deployment does without WAF (about $6 a month before requests): the API stage is throttled (lib/api.ts) and every write is authenticated. Pass -c webAclArn=<CLOUDFRONT-scope web ACL in us-east-1> to attach one.',
      );
    }
    if (!(props.domainName && props.certificateArn)) {
      ack(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose viewer security policy (TLSv1) cannot be changed. Deploying with -c domainName=… -c certificateArn=… applies TLSv1.2_2021; production should use one.',
      );
    }
    // BucketDeployment's function is CDK's own (one per stack, shared by both deployments).
    const deployment = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!deployment) return;
    const reason =
      "The function of CDK's BucketDeployment, which runs only during `cdk deploy` (a CloudFormation custom resource, invoked synchronously) to copy the built assets from the CDK asset bucket into the asset bucket. aws-cdk-lib sets its runtime, its basic execution role and its S3 read (CDK asset bucket) and write (this asset bucket) grants with wildcards, and offers no tracing or DLQ setting; it handles no user data.";
    for (const rule of [
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      'AwsSolutions-L1',
      'Serverless-LambdaLatestVersion',
      'Serverless-LambdaDLQ',
      'Serverless-LambdaTracing',
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.assetBucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
    ])
      ack(deployment as Construct, rule, reason);
  }
}
