package zhifa.supervision.alert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.supervision.LedgerFollower;

/**
 * When the rules run: on every change of the ledger (a {@link LedgerFollower}: after the change commits, in the ledger
 * queue's batch — a failed evaluation is tried again), and each night for the rules that move with the date (one
 * instance at a time, ShedLock).
 */
@Configuration
@EnableConfigurationProperties(AlertSettings.class)
@org.springframework.core.annotation.Order(1)
class AlertTriggers implements LedgerFollower {

	private final Alerts alerts;
	AlertTriggers(Alerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public void follow(zhifa.supervision.Act act) {
		// read again under the act's lock: the copy the batch loaded may be older than what another node evaluated since
		alerts.evaluate(act.id());
	}

	/** The batch's acts at once: locked in ascending order, read again, with their alerts and referrals in one read each. */
	@Override
	public void followAll(java.util.List<zhifa.supervision.Act> acts) {
		alerts.evaluateAll(acts.stream().map(zhifa.supervision.Act::id).toList());
	}

	@Scheduled(cron = "${zhifa.supervision.alerts.sweep-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "supervision-alerts", lockAtMostFor = "PT1H")
	public void nightly() {
		alerts.sweep();
	}

	/**
	 * Once, shortly after a start: a platform started after the night's sweep (a new installation, a restart in the
	 * day) does not wait until the next night for the duties already missed (a yearly plan not filed, data not reported).
	 * The same lock as the nightly sweep: with several nodes one of them does it.
	 */
	@Scheduled(initialDelayString = "${zhifa.supervision.alerts.sweep-after-start:PT2M}")
	@SchedulerLock(name = "supervision-alerts", lockAtMostFor = "PT1H")
	public void afterStart() {
		alerts.sweep();
	}
}
