/**
 * The single DynamoDB table (key design: docs/decisions/0002-single-table.md and
 * functions/adapters/store.ts). On-demand, point-in-time recovery, KMS encryption with the
 * AWS-managed key (why: docs/decisions/0003-aws-deployment.md), TTL on `ttl`.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The global secondary indexes the store queries (store.ts: listProblems, openProblemPages). */
export const INDEXES = ['GSI1', 'GSI2'] as const;

/** Every data-plane call the store makes; no Scan, no batch or transactional writes. */
const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
];

export interface StorageProps {
  /** RETAIN and deletion protection (production) or DESTROY (a disposable test stage). */
  readonly keepData: boolean;
}

export class Storage extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'ttl',
      deletionProtection: props.keepData,
      removalPolicy: props.keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index,
        partitionKey: { name: `${index}PK`, type: AttributeType.STRING },
        sortKey: { name: `${index}SK`, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /**
   * Item reads and writes on the table, and Query on the two named indexes — no index wildcard,
   * no Scan, no table management.
   */
  grantData(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ITEM_ACTIONS, resources: [this.table.tableArn] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: INDEXES.map((index) => `${this.table.tableArn}/index/${index}`),
      }),
    );
  }
}
