package zhifa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import zhifa.record.RecordVerifier;

/**
 * 行政执法和行政执法监督一体化平台 (Zhifa).
 * <p>
 * {@code java -jar zhifa.jar} runs the platform; {@code java -jar zhifa.jar verify-records} checks every
 * chain of the full-process record and every anchor on every core, and exits non-zero on any break;
 * {@code verify-records --incremental} checks only what is new since the last intact run.
 */
@SpringBootApplication
@EnableScheduling
public class ZhifaApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "verify-records".equals(args[0])) {
			System.exit(verifyRecords(args));
		}
		SpringApplication.run(ZhifaApplication.class, args);
	}

	static int verifyRecords(String... args) {
		SpringApplication app = new SpringApplication(ZhifaApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("cli");
		try (ConfigurableApplicationContext context = app.run(args)) {
			var verifier = context.getBean(RecordVerifier.class);
			var report = java.util.Arrays.asList(args).contains("--incremental") ? verifier.verifyIncrementally() : verifier.verifyAll();
			System.out.println(report.describe());
			return report.intact() ? 0 : 1;
		}
	}
}
