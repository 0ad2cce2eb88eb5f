package zhifa.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The steps of a login after the password: the second factor, then the pages a session must pass through. */
@Component
public class LoginSteps {

	private final Accounts accounts;
	private final FailedLogins failedLogins;
	private final TwoFactor twoFactor;
	private final LoginThrottle throttle;

	LoginSteps(Accounts accounts, FailedLogins failedLogins, TwoFactor twoFactor, LoginThrottle throttle) {
		this.accounts = accounts;
		this.failedLogins = failedLogins;
		this.twoFactor = twoFactor;
		this.throttle = throttle;
	}

	/** Where to go next, or the error to show; {@code loggedOut} when too many wrong codes ended the session. */
	public record Outcome(String next, String error, boolean loggedOut) {
	}

	public boolean pending(HttpSession session) {
		return session != null && session.getAttribute(SecurityConfiguration.PENDING_SECOND_FACTOR) != null;
	}

	/**
	 * The second factor: counted per account before it is checked (whoever tries codes already has the password, so
	 * stopping the account's second factor for a while is safe); too many wrong codes end the session.
	 */
	public Outcome secondFactor(ZhifaUser user, String code, HttpServletRequest request) {
		String address = request.getRemoteAddr();
		var stopped = throttle.beginCode(user.getUsername());
		if (stopped.isEmpty() && twoFactor.verify(user, code)) {
			throttle.codeSucceeded(user.getUsername());
			HttpSession session = request.getSession();
			session.removeAttribute(SecurityConfiguration.PENDING_SECOND_FACTOR);
			request.changeSessionId();
			accounts.loginSucceeded(user, address);
			return new Outcome(SecurityConfiguration.next(user, session), null, false);
		}
		if (stopped.isEmpty()) {
			boolean stoppedNow = throttle.codeFailed(user.getUsername());
			failedLogins.loginFailed(user.getUsername(), address, "second_factor", stoppedNow);
			stopped = throttle.codeStopped(user.getUsername());
		}
		if (stopped.isPresent()) {
			SecurityContextHolder.clearContext();
			request.getSession().invalidate();
			return new Outcome(null, stopped.get(), true);
		}
		return new Outcome(null, "动态口令不正确：请输入验证器应用当前显示的6位数字，或一个未用过的恢复码", false);
	}

	/** The authenticator is bound: the session may go on. */
	public void enrolled(HttpSession session) {
		session.removeAttribute(SecurityConfiguration.MUST_ENROL);
	}

	/** Whether the session must bind an authenticator before anything else. */
	public boolean mustEnrol(HttpSession session) {
		return session != null && session.getAttribute(SecurityConfiguration.MUST_ENROL) != null;
	}
}
