package zhifa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.Operator;

/**
 * The record of logins that failed or were refused: on the account's chain when the name is an account's, else on the
 * name typed; the lock a failure brings about.
 */
@Service
class FailedLogins {

	private final NamedParameterJdbcTemplate jdbc;
	private final FullProcessRecord record;
	private final Clock clock;
	private final LoginThrottle throttle;

	FailedLogins(NamedParameterJdbcTemplate jdbc, FullProcessRecord record, Clock clock, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.record = record;
		this.clock = clock;
		this.throttle = throttle;
	}

	/**
	 * Records a failed login (counted by the {@link LoginThrottle}); a name that does not exist is answered the same way,
	 * only the record says it does not exist.
	 *
	 * @param reason {@code bad_credentials}, {@code disabled} or {@code second_factor}
	 * @param stoppedNow whether this failure stopped the name from this address (or the second factor)
	 */
	@Transactional
	public void loginFailed(String username, String remoteAddress, String reason, boolean stoppedNow) {
		Attempt at = attempt(username, remoteAddress, reason);
		String stopped = ("second_factor".equals(reason) ? "连续" + throttle.maxFailures() + "次动态口令错误，暂停验证"
				: "自该地址连续" + throttle.maxFailures() + "次失败，暂停登录") + throttle.lockDuration().toMinutes() + "分钟";
		if (at.userId() == null) {
			record.append(Operator.SYSTEM, "login", at.name().isEmpty() ? "(空)" : at.name(), null, "login.failed",
					"登录失败：账号“" + at.name() + "”不存在" + (stoppedNow ? "；" + stopped : ""), at.payload());
			return;
		}
		record.append(Operator.SYSTEM, "user", at.userId(), at.bodyId(), "login.failed", "登录失败（" + reasonLabel(reason) + "）", at.payload());
		if (stoppedNow) {
			jdbc.update("update idn_user set locked_until = :l where id = :id",
					Map.of("l", Timestamp.from(clock.instant().plus(throttle.lockDuration())), "id", at.userId()));
			record.append(Operator.SYSTEM, "user", at.userId(), at.bodyId(), "user.locked", stopped, at.payload());
		}
	}

	/**
	 * A login refused because the name (from that address) or the address is stopped: recorded at the 1st, 10th, 100th …
	 * refusal of one stop ({@link LoginThrottle.Stop#recorded}).
	 */
	@Transactional
	public void refusedWhileStopped(String username, String remoteAddress, int refused) {
		Attempt at = attempt(username, remoteAddress, "stopped");
		at.payload().put("refusedDuringStop", refused);
		String summary = "暂停登录期间仍有登录尝试，已拒绝（本次暂停中第" + refused + "次" + (refused > 1 ? "，此后每十倍次数记录一次" : "") + "）";
		if (at.userId() == null) {
			record.append(Operator.SYSTEM, "login", at.name().isEmpty() ? "(空)" : at.name(), null, "login.failed", summary + "：账号“" + at.name() + "”不存在",
					at.payload());
			return;
		}
		record.append(Operator.SYSTEM, "user", at.userId(), at.bodyId(), "login.failed", summary, at.payload());
	}

	/** A login attempt as recorded: the name typed (at most 50 characters), the account it names if any, what is kept. */
	private record Attempt(String name, Long userId, Long bodyId, Map<String, Object> payload) {
	}

	private Attempt attempt(String username, String remoteAddress, String reason) {
		String name = username == null ? "" : username.strip();
		if (name.length() > 50) {
			name = name.substring(0, 50);
		}
		List<Map<String, Object>> rows = jdbc.queryForList("select id, body_id from idn_user where lower(username) = lower(:u)", Map.of("u", name));
		Map<String, Object> payload = new TreeMap<>();
		payload.put("username", name);
		payload.put("remoteAddress", String.valueOf(remoteAddress));
		payload.put("reason", reason);
		return rows.isEmpty() ? new Attempt(name, null, null, payload)
				: new Attempt(name, ((Number) rows.get(0).get("id")).longValue(), (Long) rows.get(0).get("body_id"), payload);
	}

	private static String reasonLabel(String reason) {
		return switch (reason) {
			case "bad_credentials" -> "密码错误";
			case "second_factor" -> "动态口令错误";
			case "disabled" -> "账号已停用";
			default -> reason;
		};
	}
}
