package zhifa.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import zhifa.shared.AccessRefused;

/**
 * Who may reach what: form login with CSRF for people (a second factor where {@link TwoFactor} requires it), bearer API
 * tokens for other systems, public calendar, certificate and record-anchor endpoints, the 系统管理员 for actuator
 * endpoints other than health. Failed logins are throttled per name and address ({@link LoginThrottle}); unknown names
 * get the same answer as wrong passwords. Behind a TLS proxy ({@code X-Forwarded-Proto: https} from a trusted address,
 * {@code server.forward-headers-strategy=native}) the session cookie is {@code Secure} and HSTS is sent. Every 403 is
 * recorded; on {@code /api/**} every refusal (CSRF included) is a problem-detail JSON.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	/** Session attribute: the password was right, the second factor is still to come. */
	static final String PENDING_SECOND_FACTOR = "zhifa.pendingSecondFactor";
	/** Session attribute: a second factor is required and no authenticator is bound yet. */
	static final String MUST_ENROL = "zhifa.mustEnrolSecondFactor";

	/**
	 * Throttled ({@link ThrottledAuthentication}); the password is checked before the account's state, so a disabled
	 * account tells nothing to who lacks the password.
	 */
	@Bean
	AuthenticationProvider authenticationProvider(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return new ThrottledAuthentication(provider, throttle);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, FailedLogins failedLogins, ApiTokens tokens, LoginThrottle throttle,
			TwoFactor twoFactor, ApplicationEventPublisher events) throws Exception {
		RequestMatcher bearer = request -> {
			String h = request.getHeader("Authorization");
			return h != null && h.startsWith("Bearer ");
		};
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/login/two-factor", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/verify/**",
				"/complaints", "/complaints/new", "/complaints/received", "/complaints/status", "/scan/**", "/portal", "/portal/**")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole(Role.PLATFORM_ADMIN.name())
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/calendar/deadline", "/api/v1/calendar/days", "/api/v1/calendar/years").permitAll()
			.requestMatchers("/api/v1/public/**").permitAll()
			.anyRequest().authenticated());
		http.formLogin(form -> form.loginPage("/login")
			.successHandler((req, res, authentication) -> {
				ZhifaUser user = (ZhifaUser) authentication.getPrincipal();
				HttpSession session = req.getSession();
				if (twoFactor.enrolled(user.id())) {
					session.setAttribute(PENDING_SECOND_FACTOR, Boolean.TRUE);
					res.sendRedirect(req.getContextPath() + "/login/two-factor");
					return;
				}
				accounts.loginSucceeded(user, req.getRemoteAddr());
				if (twoFactor.required(user)) {
					session.setAttribute(MUST_ENROL, Boolean.TRUE);
				}
				res.sendRedirect(req.getContextPath() + next(user, session));
			})
			.failureHandler((req, res, e) -> {
				String message;
				if (e instanceof ThrottledAuthentication.Stopped stopped) {
					// counted; on record the 1st, 10th, 100th … refused during a stop: the trace of an attacker who goes on is kept,
					// and he cannot flood the record
					if (stopped.stop().recorded() && stopped.stop().refusedDuringStop() > 0) {
						failedLogins.refusedWhileStopped(req.getParameter("username"), req.getRemoteAddr(), stopped.stop().refusedDuringStop());
					}
					message = stopped.getMessage();
				}
				else if (e instanceof DisabledException) {
					failedLogins.loginFailed(req.getParameter("username"), req.getRemoteAddr(), "disabled", false);
					message = "账号已停用，请联系单位管理员";
				}
				else {
					boolean stoppedNow = e instanceof ThrottledAuthentication.WrongPassword w && w.stoppedNow();
					failedLogins.loginFailed(req.getParameter("username"), req.getRemoteAddr(), "bad_credentials", stoppedNow);
					message = stoppedNow ? LoginThrottle.NAME_STOPPED.formatted(Math.max(1, throttle.lockDuration().toMinutes())) : "账号或密码错误";
				}
				req.getSession().setAttribute("loginError", message);
				res.sendRedirect(req.getContextPath() + "/login?error");
			}));
		http.logout(logout -> logout.logoutUrl("/logout")
			.addLogoutHandler((req, res, authentication) -> {
				if (authentication != null && authentication.getPrincipal() instanceof ZhifaUser user
						&& (req.getSession(false) == null || req.getSession(false).getAttribute(PENDING_SECOND_FACTOR) == null)) {
					accounts.loggedOut(user);
				}
			})
			.logoutSuccessUrl("/login?logout"));
		http.csrf(csrf -> csrf.ignoringRequestMatchers(bearer));
		http.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
		http.addFilterAfter(new SessionGateFilter(events), UsernamePasswordAuthenticationFilter.class);
		AccessDeniedHandler denied = (req, res, e) -> {
			boolean csrfFailure = e instanceof CsrfException;
			if (!csrfFailure) {
				events.publishEvent(new AccessRefused(zhifa.shared.Operator.current(), zhifa.shared.AccessRefused.request(req.getMethod(), req.getRequestURI()), "没有执行此操作的角色"));
			}
			if (isApi(req)) {
				problem(res, 403, csrfFailure ? "请求被拒绝" : "无权操作",
						csrfFailure ? "请求缺少有效的 CSRF 令牌：请在 X-CSRF-TOKEN 头中提供页面的令牌，或使用 API 令牌（Bearer）调用" : "您没有执行此操作的权限");
			}
			else {
				res.setStatus(403);
				req.getRequestDispatcher("/denied").forward(req, res);
			}
		};
		http.exceptionHandling(ex -> ex
			.defaultAuthenticationEntryPointFor((req, res, e) -> problem(res, 401, "未认证", "请先登录，或在 Authorization 头中提供有效的 API 令牌（Bearer）"),
					SecurityConfiguration::isApi)
			.accessDeniedHandler(denied));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
							+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			// sent only on secure requests, i.e. behind the TLS proxy
			.httpStrictTransportSecurity(h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true))
			.frameOptions(f -> f.deny()));
		return http.build();
	}

	/** Where a signed-in user goes first: a forced password change, then binding an authenticator where required. */
	static String next(ZhifaUser user, HttpSession session) {
		if (user.mustChangePassword()) {
			return "/account/password";
		}
		return session.getAttribute(MUST_ENROL) != null ? "/account/two-factor" : "/";
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
		zhifa.shared.web.ApiProblems.write(res, status, title, detail);
	}

	/** Authenticates {@code Authorization: Bearer zf_…} on API calls; a bad token is refused, not ignored. */
	static final class BearerTokenFilter extends OncePerRequestFilter {
		private final ApiTokens tokens;

		BearerTokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
				throws ServletException, IOException {
			String header = req.getHeader("Authorization");
			if (header != null && header.startsWith("Bearer ")) {
				var principal = tokens.authenticate(header.substring(7).strip());
				if (principal.isEmpty()) {
					problem(res, 401, "未认证", "API 令牌无效或已吊销");
					return;
				}
				var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(principal.get(),
						null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_API_CLIENT")));
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(auth);
				SecurityContextHolder.setContext(context);
				try {
					chain.doFilter(req, res);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
				return;
			}
			chain.doFilter(req, res);
		}
	}

	/**
	 * What a signed-in session may do before it is complete: only the second-factor step while it is pending; only the
	 * password page while the password must be changed; only binding an authenticator while one is required; and an
	 * 审计管理员 reads but never writes.
	 */
	static final class SessionGateFilter extends OncePerRequestFilter {

		private static final Set<String> ALWAYS = Set.of("/logout", "/denied", "/error");

		private final ApplicationEventPublisher events;

		SessionGateFilter(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String path = req.getRequestURI().substring(req.getContextPath().length());
			HttpSession session = req.getSession(false);
			if (auth == null || !(auth.getPrincipal() instanceof ZhifaUser user) || session == null || ALWAYS.contains(path)
					|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")) {
				chain.doFilter(req, res);
				return;
			}
			if (session.getAttribute(PENDING_SECOND_FACTOR) != null) {
				if (path.equals("/login/two-factor")) {
					chain.doFilter(req, res);
				}
				else if (path.startsWith("/api/")) {
					problem(res, 401, "未认证", "请先完成动态口令验证");
				}
				else {
					res.sendRedirect(req.getContextPath() + "/login/two-factor");
				}
				return;
			}
			if (user.mustChangePassword() && !path.equals("/account/password")) {
				block(req, res, "/account/password", "须修改密码", "首次登录、密码被重置或超过有效期后须先修改密码");
				return;
			}
			if (session.getAttribute(MUST_ENROL) != null && !user.mustChangePassword() && !path.startsWith("/account/two-factor")
					&& !path.equals("/account/password")) {
				block(req, res, "/account/two-factor", "须绑定动态口令", "管理员账号须先绑定动态口令（双因素登录）");
				return;
			}
			if (user.roles().equals(Set.of(Role.AUDIT_ADMIN)) && !Set.of("GET", "HEAD", "OPTIONS").contains(req.getMethod())
					&& !path.equals("/account/password") && !path.startsWith("/account/two-factor")) {
				events.publishEvent(new AccessRefused(user, zhifa.shared.AccessRefused.request(req.getMethod(), path), "审计管理员只能查阅，不能修改任何数据"));
				if (path.startsWith("/api/")) {
					problem(res, 403, "无权操作", "审计管理员只能查阅，不能修改任何数据");
				}
				else {
					res.setStatus(403);
					req.getRequestDispatcher("/denied").forward(req, res);
				}
				return;
			}
			chain.doFilter(req, res);
		}

		private static void block(HttpServletRequest req, HttpServletResponse res, String page, String title, String detail) throws IOException {
			String path = req.getRequestURI().substring(req.getContextPath().length());
			if (path.startsWith("/api/")) {
				problem(res, 403, title, detail);
			}
			else {
				res.sendRedirect(req.getContextPath() + page);
			}
		}
	}
}
