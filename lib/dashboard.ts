/**
 * One CloudWatch dashboard with what the service does and where it struggles: problems reported
 * and the levels they reach, mails sent and failed, ladder failures and restarts, weekly reports
 * received and overdue, monitoring files accepted and rejected (functions/adapters/metric-names.ts).
 */
import { Duration } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, type IMetric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { METRIC } from '../functions/adapters/metric-names.ts';
import { appMetric } from './app-metrics.ts';

const HOUR = Duration.hours(1);

export class AppDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    const hourly = (
      name: (typeof METRIC)[keyof typeof METRIC],
      label: string,
      dimensions?: Record<string, string>,
    ) => appMetric(name, { period: HOUR, label, dimensions });
    const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 12, height: 6 });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `kraeftkapacitet-${props.stage}`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Kræftkapacitet (${props.stage})\nSums per hour. Alarms: ladder failures and failed e-mails notify the operations topic.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('Problems reported and levels reached', [
        hourly(METRIC.problemsReported, 'Reported'),
        ...[1, 2, 3, 4].map((level) =>
          hourly(METRIC.levelReached, `Level ${level}`, { level: String(level) }),
        ),
      ]),
      graph('E-mails', [hourly(METRIC.mailsSent, 'Sent'), hourly(METRIC.mailsFailed, 'Failed')]),
    );
    this.dashboard.addWidgets(
      graph('Escalation ladder', [
        hourly(METRIC.ladderFailures, 'Step failures'),
        hourly(METRIC.ladderRestarts, 'Restarts'),
      ]),
      graph('Weekly waiting times', [
        hourly(METRIC.weeklyReportsReceived, 'Received'),
        hourly(METRIC.weeklyReportsOverdue, 'Overdue at the deadline'),
      ]),
    );
    this.dashboard.addWidgets(
      graph('Monitoring files', [
        hourly(METRIC.monitoringFilesAccepted, 'Accepted'),
        hourly(METRIC.monitoringFilesRejected, 'Rejected'),
      ]),
    );
  }
}
