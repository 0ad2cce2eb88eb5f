package zhifa.shared.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zhifa.shared.PersonalData;

/**
 * The SM4 key for personal data: {@code ZHIFA_SM4_KEY} (Base64 of 16 bytes) in production; otherwise a key file
 * ({@code zhifa.crypto.key-file}, default {@code ./data/sm4.key}) created on first start. An empty key-file setting
 * gives a throw-away key (tests).
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

	@Bean
	PersonalData personalData(@Value("${ZHIFA_SM4_KEY:}") String key, @Value("${zhifa.crypto.key-file:./data/sm4.key}") String keyFile)
			throws IOException {
		if (!key.isBlank()) {
			return new PersonalData(Base64.getDecoder().decode(key.strip()));
		}
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		if (keyFile.isBlank()) {
			return new PersonalData(random);
		}
		Path file = Path.of(keyFile);
		if (Files.exists(file)) {
			return new PersonalData(Base64.getDecoder().decode(Files.readString(file).strip()));
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, Base64.getEncoder().encodeToString(random));
		file.toFile().setReadable(false, false);
		file.toFile().setReadable(true, true);
		log.warn("Created a new SM4 key for personal data in {}; keep it with the database backups", file.toAbsolutePath());
		return new PersonalData(random);
	}
}
