package zhifa.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.PersonalData;
import zhifa.shared.QrCode;
import zhifa.shared.Sm3;

/**
 * 双因素登录 (GB/T 22239 第三级: 采用两种或两种以上组合的鉴别技术): a password and a time-based one-time code
 * ({@link Totp}) from any authenticator app. Required for the three platform administrators, and for everybody when
 * {@code zhifa.security.two-factor=all}; anyone else may turn it on. The secret is stored SM4-encrypted; ten one-time
 * recovery codes are shown once at enrolment and stored as SM3 digests. Every enrolment, use of a recovery code and
 * reset is recorded.
 */
@Service
public class TwoFactor {

	/**
	 * The authenticator secret of the demo data's three administrator accounts, published in the README like their
	 * password (never used for any other account).
	 */
	public static final String DEMO_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP";

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final NamedParameterJdbcTemplate jdbc;
	private final PersonalData crypto;
	private final FullProcessRecord record;
	private final Clock clock;
	private final boolean everybody;
	private final String issuer;

	TwoFactor(NamedParameterJdbcTemplate jdbc, PersonalData crypto, FullProcessRecord record, Clock clock,
			@Value("${zhifa.security.two-factor:admins}") String mode, @Value("${zhifa.security.two-factor-issuer:芒市执法平台}") String issuer) {
		this.jdbc = jdbc;
		this.crypto = crypto;
		this.record = record;
		this.clock = clock;
		this.everybody = "all".equalsIgnoreCase(mode.strip());
		this.issuer = issuer;
	}

	/** Whether the user must use a second factor. */
	public boolean required(ZhifaUser user) {
		return everybody || user.roles().stream().anyMatch(Role.PLATFORM_DUTIES::contains);
	}

	/** Whether the user has a confirmed authenticator. */
	public boolean enrolled(long userId) {
		return jdbc.queryForObject("select count(*) from idn_totp where user_id = :u and confirmed_at is not null", Map.of("u", userId),
				Long.class) > 0;
	}

	/** A new secret waiting for its first code: what the enrolment page shows. */
	public record Enrolment(String secret, String uri, String qrSvg) {
	}

	@Transactional
	public Enrolment start(ZhifaUser user) {
		if (enrolled(user.id())) {
			throw new BusinessRuleViolation("已绑定动态口令；如需更换设备，请先停用后重新绑定");
		}
		// a secret not confirmed yet is shown again (the page may be reloaded after scanning)
		var pending = jdbc.queryForList("select secret_cipher from idn_totp where user_id = :u and confirmed_at is null", Map.of("u", user.id()),
				String.class);
		String secret;
		if (!pending.isEmpty()) {
			secret = crypto.decrypt(pending.get(0));
		}
		else {
			byte[] key = new byte[20];
			RANDOM.nextBytes(key);
			secret = Totp.base32Encode(key);
			jdbc.update("insert into idn_totp (user_id, secret_cipher, created_at) values (:u, :s, :now)",
					new MapSqlParameterSource().addValue("u", user.id()).addValue("s", crypto.encrypt(secret))
						.addValue("now", Timestamp.from(clock.instant())));
		}
		String uri = Totp.uri(issuer, user.getUsername(), secret);
		return new Enrolment(secret, uri, QrCode.svg(uri));
	}

	/** The first code from the app confirms the secret; returns the ten recovery codes, shown this once. */
	@Transactional
	public List<String> confirm(ZhifaUser user, String code) {
		var row = jdbc.queryForList("select secret_cipher, confirmed_at from idn_totp where user_id = :u", Map.of("u", user.id()));
		if (row.isEmpty() || row.get(0).get("confirmed_at") != null) {
			throw new BusinessRuleViolation("请先生成新的密钥并用验证器应用扫描");
		}
		String secret = crypto.decrypt((String) row.get(0).get("secret_cipher"));
		Optional<Long> step = Totp.verify(secret, code, clock.instant().getEpochSecond(), null);
		if (step.isEmpty()) {
			throw BusinessRuleViolation.onField("code", "动态口令不正确：请输入验证器应用当前显示的6位数字（并核对手机时间）");
		}
		jdbc.update("update idn_totp set confirmed_at = :now, last_step = :step where user_id = :u",
				Map.of("now", Timestamp.from(clock.instant()), "step", step.get(), "u", user.id()));
		List<String> codes = newRecoveryCodes(user.id());
		record.append(user, "user", user.id(), user.bodyId(), "user.two_factor_enabled", "绑定动态口令（双因素登录）", Map.of());
		return codes;
	}

	private List<String> newRecoveryCodes(long userId) {
		jdbc.update("delete from idn_recovery_code where user_id = :u", Map.of("u", userId));
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			StringBuilder sb = new StringBuilder();
			for (int j = 0; j < 10; j++) {
				sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
			}
			String code = sb.substring(0, 5) + "-" + sb.substring(5);
			codes.add(code);
			jdbc.update("insert into idn_recovery_code (user_id, code_hash, created_at) values (:u, :h, now())",
					Map.of("u", userId, "h", Sm3.hex(code)));
		}
		return codes;
	}

	/** The second step of a login: a current code (never one used before) or an unused recovery code. */
	@Transactional
	public boolean verify(ZhifaUser user, String code) {
		if (code == null || code.isBlank() || code.length() > 20) {
			return false;
		}
		String c = code.strip().toLowerCase(Locale.ROOT);
		var row = jdbc.queryForList("select secret_cipher, last_step from idn_totp where user_id = :u and confirmed_at is not null for update",
				Map.of("u", user.id()));
		if (row.isEmpty()) {
			return false;
		}
		if (c.matches("\\d{6}")) {
			String secret = crypto.decrypt((String) row.get(0).get("secret_cipher"));
			Long last = row.get(0).get("last_step") == null ? null : ((Number) row.get(0).get("last_step")).longValue();
			Optional<Long> step = Totp.verify(secret, c, clock.instant().getEpochSecond(), last);
			step.ifPresent(s -> jdbc.update("update idn_totp set last_step = :s where user_id = :u", Map.of("s", s, "u", user.id())));
			return step.isPresent();
		}
		int used = jdbc.update("update idn_recovery_code set used_at = now() where user_id = :u and code_hash = :h and used_at is null",
				Map.of("u", user.id(), "h", Sm3.hex(c)));
		if (used > 0) {
			long left = jdbc.queryForObject("select count(*) from idn_recovery_code where user_id = :u and used_at is null", Map.of("u", user.id()),
					Long.class);
			record.append(user, "user", user.id(), user.bodyId(), "user.recovery_code_used", "使用恢复码登录（剩余" + left + "个）", Map.of());
			return true;
		}
		return false;
	}

	/**
	 * Removes the authenticator: the user's own (when it is not required of them), or anyone's by the 安全管理员 when a
	 * phone is lost. The next login asks to bind a new one where it is required.
	 */
	@Transactional
	public void reset(Operator actor, ZhifaUser self, long userId, String username, Long bodyId) {
		jdbc.update("delete from idn_recovery_code where user_id = :u", Map.of("u", userId));
		int removed = jdbc.update("delete from idn_totp where user_id = :u", Map.of("u", userId));
		if (removed > 0) {
			record.append(actor, "user", userId, bodyId, "user.two_factor_reset",
					self != null ? "停用本人的动态口令" : "安全管理员重置“" + username + "”的动态口令", Map.of());
		}
	}

	/** Binds a known secret (the demo accounts, whose secret is published like their password). */
	@Transactional
	public void enrolWithSecret(long userId, String base32Secret) {
		jdbc.update("delete from idn_totp where user_id = :u", Map.of("u", userId));
		jdbc.update("insert into idn_totp (user_id, secret_cipher, confirmed_at, created_at) values (:u, :s, now(), now())",
				Map.of("u", userId, "s", crypto.encrypt(base32Secret)));
	}
}
