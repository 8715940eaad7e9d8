/**
 * The escalation ladder in AWS: the same ASL file the local runtime runs
 * (statemachines/escalation.asl.json), a Standard state machine logging ALL events with
 * execution data and tracing, every Task invoking the one ladder-step function.
 *
 * The state machine has a fixed name derived from the stage, so its ARN is known before it
 * exists: the ladder-step function may start a new execution of it ("continue" after a year)
 * without a circular dependency between the function and the state machine.
 */
import { ArnFormat, Duration, type RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { fromRoot } from './paths.ts';

/** The ASL file both runtimes execute. */
export const ESCALATION_ASL = 'statemachines/escalation.asl.json';
/** The substitution variable the ASL uses for every Task's FunctionName. */
export const LADDER_STEP_VARIABLE = 'LadderStepFunctionArn';

export function escalationStateMachineName(stage: string): string {
  return `kraeftkapacitet-${stage}-escalation`;
}

/** The state machine's ARN, from its fixed name (no reference to the resource). */
export function escalationStateMachineArn(scope: Construct, stage: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: escalationStateMachineName(stage),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

export interface WorkflowProps {
  readonly stage: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly ladderStep: AppFunction;
  readonly logs: LogGroup;
  private readonly stateMachineArn: string;
  private readonly executionsArn: string;
  private readonly name: string;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const name = escalationStateMachineName(props.stage);
    this.name = name;
    this.stateMachineArn = escalationStateMachineArn(this, props.stage);
    this.executionsArn = Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${name}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    this.ladderStep = new AppFunction(this, 'LadderStep', {
      entry: 'functions/workflow/ladder-step.ts',
      description: 'Escalation ladder step (begin, notify, check, continue), invoked by the state machine',
      memorySize: 512,
      // A network-level notification e-mails every chief physician of a national network in turn.
      timeout: Duration.seconds(120),
      environment: props.environment,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });

    this.logs = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.stateMachine = new StateMachine(this, 'Escalation', {
      stateMachineName: name,
      stateMachineType: StateMachineType.STANDARD,
      comment: 'Kraeftkapacitet escalation ladder: one execution per capacity problem (and generation)',
      definitionBody: DefinitionBody.fromFile(fromRoot(ESCALATION_ASL)),
      definitionSubstitutions: { [LADDER_STEP_VARIABLE]: this.ladderStep.functionArn },
      logs: { destination: this.logs, level: LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    // The ASL invokes the unqualified function ARN only; no `:*` version/alias wildcard.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.ladderStep.functionArn] }),
    );
    this.grantStart(this.ladderStep);

    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the statements CDK adds for logging and tracing use Resource "*": CloudWatch Logs vended-log delivery (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray (PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) support no resource-level permissions (AWS Step Functions developer guide, "IAM policies for logging to CloudWatch Logs"). test/infra asserts that no other statement has a "*" resource.',
    });
  }

  /** `states:StartExecution` on this state machine only. */
  grantStart(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachineArn] }),
    );
  }

  /** `states:StopExecution` on this state machine's executions (names are only known at run time). */
  grantStop(grantee: IGrantable): void {
    this.grantOnExecutions(grantee, 'states:StopExecution');
  }

  /**
   * `states:DescribeExecution` on this state machine's executions: the reconcile job and the
   * secretariat's restart ask Step Functions whether a problem's execution still runs.
   */
  grantDescribe(grantee: IGrantable): void {
    this.grantOnExecutions(grantee, 'states:DescribeExecution');
  }

  private grantOnExecutions(grantee: IGrantable, action: string): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [action], resources: [this.executionsArn] }),
    );
    const principal = grantee.grantPrincipal;
    if (principal instanceof Construct) {
      // cdk-nag names the finding by the statement's resource, tokens rendered as <AWS::…>.
      const stack = Stack.of(this);
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      Validations.of(principal).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:${account}:execution:${this.name}:*]`,
        reason:
          'Stopping or describing an execution needs its ARN, whose name (problem id, generation, restart) is only known at run time; the wildcard is confined to executions of this one state machine.',
      });
    }
  }
}
