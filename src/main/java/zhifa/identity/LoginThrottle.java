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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登录失败处理 (GB/T 22239 第三级: 限制非法登录次数). An attempt is counted before its password is checked, so parallel
 * requests cannot get more guesses than the limit, and given back when it succeeds:
 * <ul>
 * <li>per account name and client address: stopped for {@code zhifa.security.lock-duration} (15 minutes) after
 * {@code zhifa.security.max-failed-logins} (5) failures — whether the name exists or not, with the same answer, so the
 * answer never tells which names exist, and nobody can lock someone else out from another address;</li>
 * <li>per client address: stopped after {@code zhifa.security.max-failed-logins-per-address} (20) failures on any
 * names (password spraying);</li>
 * <li>per account for the second factor: stopped after 5 wrong codes from any address (whoever tries them already
 * has the password).</li>
 * </ul>
 * The client address is the one Tomcat resolved from {@code X-Forwarded-For} of a trusted proxy only
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Service
public class LoginThrottle {

	/** What a stopped name (from an address) is told, whether it exists or not. */
	static final String NAME_STOPPED = "登录失败次数过多，请%d分钟后再试；如需立即登录，请联系单位管理员解除锁定";
	/** What a stopped address is told. */
	static final String ADDRESS_STOPPED = "该地址登录失败次数过多，请%d分钟后再试";
	/** What a stopped second factor is told. */
	static final String CODE_STOPPED = "动态口令错误次数过多，请%d分钟后再试；如手机丢失，请联系安全管理员";

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

	static String name(String username) {
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

	private static String codeKey(String username) {
		return "code:" + name(username);
	}

	private String minutes(String template) {
		return template.formatted(Math.max(1, lock.toMinutes()));
	}

	/**
	 * Counts a password attempt before it is checked. Returns the refusal when this name from this address, or this
	 * address, is stopped (already, or by this very attempt going over the limit).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Stop> beginPassword(String username, String address) {
		Instant now = clock.instant();
		if (stopped(addressKey(address), now)) {
			return Optional.of(new Stop(minutes(ADDRESS_STOPPED), refusedWhileStopped(addressKey(address))));
		}
		if (stopped(nameKey(username, address), now)) {
			return Optional.of(new Stop(minutes(NAME_STOPPED), refusedWhileStopped(nameKey(username, address))));
		}
		int byAddress = count(addressKey(address), null, now);
		int byName = count(nameKey(username, address), name(username), now);
		if (byAddress > maxPerAddress) {
			stop(addressKey(address), now);
			return Optional.of(new Stop(minutes(ADDRESS_STOPPED), 0));
		}
		if (byName > maxPerName) {
			stop(nameKey(username, address), now);
			return Optional.of(new Stop(minutes(NAME_STOPPED), 0));
		}
		return Optional.empty();
	}

	/**
	 * A refusal by a stop: what to tell, and the how-manieth attempt refused during this stop it was (0: the attempt that
	 * went over the limit, recorded as the stop itself).
	 */
	public record Stop(String message, int refusedDuringStop) {

		/** Whether this refusal goes on record: the 1st, 10th, 100th … of a stop — a trace kept, no flood. */
		public boolean recorded() {
			int n = refusedDuringStop;
			while (n >= 10 && n % 10 == 0) {
				n /= 10;
			}
			return n == 1;
		}
	}

	/** One more attempt refused while the key is stopped (counted on its row, which the stop set to 0); the count. */
	private int refusedWhileStopped(String key) {
		return jdbc.queryForList("update idn_login_attempt set failures = failures + 1 where attempt_key = :k returning failures", Map.of("k", key),
				Integer.class).stream().findFirst().orElse(0);
	}

	/** The password was wrong: true when that stopped this name from this address (the last try the limit allows). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean passwordFailed(String username, String address) {
		Instant now = clock.instant();
		if (attempts(addressKey(address), now) >= maxPerAddress) {
			stop(addressKey(address), now);
		}
		if (attempts(nameKey(username, address), now) >= maxPerName) {
			stop(nameKey(username, address), now);
			return true;
		}
		return false;
	}

	/** The password was right: the name starts afresh from this address, and the address gets its attempt back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void passwordSucceeded(String username, String address) {
		jdbc.update("delete from idn_login_attempt where attempt_key = :k", Map.of("k", nameKey(username, address)));
		jdbc.update("update idn_login_attempt set failures = greatest(failures - 1, 0) where attempt_key = :k and locked_until is null",
				Map.of("k", addressKey(address)));
	}

	/** Counts a second-factor attempt of the account before it is checked; the refusal when it is stopped. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> beginCode(String username) {
		Instant now = clock.instant();
		if (stopped(codeKey(username), now)) {
			return Optional.of(minutes(CODE_STOPPED));
		}
		if (count(codeKey(username), name(username), now) > maxPerName) {
			stop(codeKey(username), now);
			return Optional.of(minutes(CODE_STOPPED));
		}
		return Optional.empty();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean codeFailed(String username) {
		Instant now = clock.instant();
		if (attempts(codeKey(username), now) >= maxPerName) {
			stop(codeKey(username), now);
			return true;
		}
		return false;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void codeSucceeded(String username) {
		jdbc.update("delete from idn_login_attempt where attempt_key = :k", Map.of("k", codeKey(username)));
	}

	/** Whether the second factor of the account is stopped now (the page says so before a code is even typed). */
	public Optional<String> codeStopped(String username) {
		return stopped(codeKey(username), clock.instant()) ? Optional.of(minutes(CODE_STOPPED)) : Optional.empty();
	}

	/** The administrator's unlock: every address may try this name again, and its second factor too. */
	@Transactional
	public void clear(String username) {
		jdbc.update("delete from idn_login_attempt where lower(username) = :u", Map.of("u", name(username)));
	}

	private boolean stopped(String key, Instant now) {
		return jdbc.queryForObject("select count(*) from idn_login_attempt where attempt_key = :k and locked_until > :now",
				Map.of("k", key, "now", Timestamp.from(now)), Long.class) > 0;
	}

	private int attempts(String key, Instant now) {
		return jdbc.queryForList("select failures from idn_login_attempt where attempt_key = :k and window_started >= :windowStart",
				Map.of("k", key, "windowStart", Timestamp.from(now.minus(lock))), Integer.class).stream().findFirst().orElse(0);
	}

	/** One more attempt in the key's window (a window older than the lock duration starts again); the count now. */
	private int count(String key, String username, Instant now) {
		return jdbc.queryForObject("""
				insert into idn_login_attempt as a (attempt_key, failures, window_started, locked_until, username)
				values (:k, 1, :now, null, :u)
				on conflict (attempt_key) do update set
				  failures = case when a.window_started < :windowStart then 1 else a.failures + 1 end,
				  window_started = case when a.window_started < :windowStart then :now else a.window_started end,
				  locked_until = case when a.locked_until <= :now then null else a.locked_until end
				returning failures""",
				new MapSqlParameterSource().addValue("k", key).addValue("now", Timestamp.from(now)).addValue("u", username)
					.addValue("windowStart", Timestamp.from(now.minus(lock))),
				Integer.class);
	}

	private void stop(String key, Instant now) {
		jdbc.update("update idn_login_attempt set failures = 0, window_started = :now, locked_until = :until where attempt_key = :k",
				Map.of("k", key, "now", Timestamp.from(now), "until", Timestamp.from(now.plus(lock))));
	}

	public Duration lockDuration() {
		return lock;
	}

	public int maxFailures() {
		return maxPerName;
	}
}
