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
 * chain of the full-process record and every daily anchor, and exits non-zero on any break.
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
			var report = context.getBean(RecordVerifier.class).verifyAll();
			System.out.println(report.describe());
			return report.intact() ? 0 : 1;
		}
	}
}
