package zhifa.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check behind the {@link LoginThrottle}: every login, whatever URL form it came by, is counted before its
 * password is looked at, refused when stopped, and given back when it succeeds.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

	/** Refused without looking at the password: the name from this address, or the address, is stopped. */
	static final class Stopped extends AuthenticationException {
		private final transient LoginThrottle.Stop stop;

		Stopped(LoginThrottle.Stop stop) {
			super(stop.message());
			this.stop = stop;
		}

		LoginThrottle.Stop stop() {
			return stop;
		}
	}

	/** A wrong password (or an unknown name); {@code stoppedNow} when it was the last try the limit allows. */
	static final class WrongPassword extends BadCredentialsException {
		private final boolean stoppedNow;

		WrongPassword(boolean stoppedNow, BadCredentialsException cause) {
			super(cause.getMessage(), cause);
			this.stoppedNow = stoppedNow;
		}

		boolean stoppedNow() {
			return stoppedNow;
		}
	}

	private final AuthenticationProvider passwords;
	private final LoginThrottle throttle;

	ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		String address = address(authentication);
		var stopped = throttle.beginPassword(name, address);
		if (stopped.isPresent()) {
			throw new Stopped(stopped.get());
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.passwordSucceeded(name, address);
			return result;
		}
		catch (BadCredentialsException e) {
			throw new WrongPassword(throttle.passwordFailed(name, address), e);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}
}
