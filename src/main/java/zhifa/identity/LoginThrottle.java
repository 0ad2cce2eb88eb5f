package zhifa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登录失败处理 (GB/T 22239 第三级: 限制非法登录次数): failed logins counted per account name and client address, and per
 * client address alone.
 * <ul>
 * <li>The same name from the same address is stopped for {@code zhifa.security.lock-duration} (15 minutes) after
 * {@code zhifa.security.max-failed-logins} (5) failures — whether the name exists or not, with the same answer, so the
 * answer never tells which names exist, and nobody can lock someone else out from another address.</li>
 * <li>An address is stopped for the same time after {@code zhifa.security.max-failed-logins-per-address} (20) failures
 * on any names (password spraying).</li>
 * </ul>
 * The client address is the one Tomcat resolved from {@code X-Forwarded-For} of a trusted proxy.
 */
@Service
public class LoginThrottle {

	/** What everybody who is stopped is told. */
	public static final String STOPPED = "登录失败次数过多，请%d分钟后再试；如需立即登录，请联系单位管理员解锁";

	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;
	private final int maxPerName;
	private final int maxPerAddress;
	private final Duration lock;

	LoginThrottle(NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${zhifa.security.max-failed-logins:5}") int maxPerName,
			@Value("${zhifa.security.max-failed-logins-per-address:20}") int maxPerAddress,
			@Value("${zhifa.security.lock-duration:PT15M}") Duration lock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxPerName = maxPerName;
		this.maxPerAddress = maxPerAddress;
		this.lock = lock;
	}

	private static String name(String username) {
		String n = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return n.length() > 50 ? n.substring(0, 50) : n;
	}

	private static String address(String address) {
		String a = address == null ? "?" : address;
		return a.length() > 60 ? a.substring(0, 60) : a;
	}

	private static String nameKey(String username, String address) {
		return "name:" + name(username) + "|" + address(address);
	}

	private static String addressKey(String address) {
		return "addr:" + address(address);
	}

	/** The message for who may not try now (this name from this address, or this address at all), if stopped. */
	@Transactional(readOnly = true)
	public Optional<String> refusal(String username, String address) {
		Long stopped = jdbc.queryForObject("select count(*) from idn_login_attempt where attempt_key in (:keys) and locked_until > :now",
				Map.of("keys", java.util.List.of(nameKey(username, address), addressKey(address)), "now", Timestamp.from(clock.instant())),
				Long.class);
		return stopped > 0 ? Optional.of(message()) : Optional.empty();
	}

	public String message() {
		return STOPPED.formatted(Math.max(1, lock.toMinutes()));
	}

	/** Counts a failure; true when it has just stopped this name from this address. */
	@Transactional
	public boolean failed(String username, String address) {
		count(addressKey(address), null, maxPerAddress);
		return count(nameKey(username, address), name(username), maxPerName);
	}

	private boolean count(String key, String username, int max) {
		Instant now = clock.instant();
		Integer failures = jdbc.queryForObject("""
				insert into idn_login_attempt as a (attempt_key, failures, window_started, locked_until, username)
				values (:k, 1, :now, null, :u)
				on conflict (attempt_key) do update set
				  failures = case when a.window_started < :windowStart then 1 else a.failures + 1 end,
				  window_started = case when a.window_started < :windowStart then :now else a.window_started end
				returning failures""",
				new MapSqlParameterSource().addValue("k", key).addValue("now", Timestamp.from(now)).addValue("u", username)
					.addValue("windowStart", Timestamp.from(now.minus(lock))),
				Integer.class);
		if (failures >= max) {
			jdbc.update("update idn_login_attempt set failures = 0, window_started = :now, locked_until = :until where attempt_key = :k",
					Map.of("k", key, "now", Timestamp.from(now), "until", Timestamp.from(now.plus(lock))));
			return true;
		}
		return false;
	}

	/** A successful login clears the count of this name from this address. */
	@Transactional
	public void succeeded(String username, String address) {
		jdbc.update("delete from idn_login_attempt where attempt_key = :k", Map.of("k", nameKey(username, address)));
	}

	/** The administrator's unlock: every address may try this name again. */
	@Transactional
	public void clear(String username) {
		jdbc.update("delete from idn_login_attempt where lower(username) = :u", Map.of("u", name(username)));
	}

	public Duration lockDuration() {
		return lock;
	}

	public int maxFailures() {
		return maxPerName;
	}
}
