package zhifa.supervision.alert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.supervision.ActRecorded;

/**
 * When the rules run: on every change of the ledger ({@link ActRecorded}, delivered after the change commits through the
 * event publication registry — a failed evaluation is delivered again), and each night for the rules that move with the
 * date (one instance at a time, ShedLock).
 */
@Configuration
@EnableConfigurationProperties(AlertSettings.class)
class AlertTriggers {

	private final Alerts alerts;
	AlertTriggers(Alerts alerts) {
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(ActRecorded recorded) {
		alerts.evaluate(recorded.actId());
	}

	@Scheduled(cron = "${zhifa.supervision.alerts.sweep-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "supervision-alerts", lockAtMostFor = "PT1H")
	public void nightly() {
		alerts.sweep();
	}
}
