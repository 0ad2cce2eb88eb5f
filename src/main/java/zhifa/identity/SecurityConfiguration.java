package zhifa.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what: form login with CSRF for people, bearer API tokens for other systems, public calendar and
 * certificate-verification endpoints, the platform administrator for actuator endpoints other than health.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, ApiTokens tokens) throws Exception {
		RequestMatcher bearer = request -> {
			String h = request.getHeader("Authorization");
			return h != null && h.startsWith("Bearer ");
		};
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/verify/**").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole(Role.PLATFORM_ADMIN.name())
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/calendar/deadline", "/api/v1/calendar/days", "/api/v1/calendar/years").permitAll()
			.requestMatchers("/api/v1/public/**").permitAll()
			.anyRequest().authenticated());
		http.formLogin(form -> form.loginPage("/login")
			.successHandler((req, res, authentication) -> {
				ZhifaUser user = (ZhifaUser) authentication.getPrincipal();
				accounts.loginSucceeded(user, req.getRemoteAddr());
				res.sendRedirect(req.getContextPath() + (user.mustChangePassword() ? "/account/password" : "/"));
			})
			.failureHandler((req, res, e) -> {
				String username = req.getParameter("username");
				String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad_credentials";
				accounts.loginFailed(username, req.getRemoteAddr(), reason);
				String message = switch (reason) {
					case "locked" -> "账号因连续密码错误已被锁定，请稍后再试或联系单位管理员解锁";
					case "disabled" -> "账号已停用，请联系单位管理员";
					default -> "账号或密码错误";
				};
				req.getSession().setAttribute("loginError", message);
				res.sendRedirect(req.getContextPath() + "/login?error");
			}));
		http.logout(logout -> logout.logoutUrl("/logout")
			.addLogoutHandler((req, res, authentication) -> {
				if (authentication != null && authentication.getPrincipal() instanceof ZhifaUser user) {
					accounts.loggedOut(user);
				}
			})
			.logoutSuccessUrl("/login?logout"));
		http.csrf(csrf -> csrf.ignoringRequestMatchers(bearer));
		http.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
		http.addFilterAfter(new MustChangePasswordFilter(), UsernamePasswordAuthenticationFilter.class);
		http.exceptionHandling(ex -> ex
			.defaultAuthenticationEntryPointFor((req, res, e) -> problem(res, 401, "未认证", "请先登录，或在 Authorization 头中提供有效的 API 令牌（Bearer）"), api)
			.defaultAccessDeniedHandlerFor((req, res, e) -> problem(res, 403, "无权操作", "您没有执行此操作的权限"), api)
			.accessDeniedPage("/denied"));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
							+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(f -> f.deny()));
		return http.build();
	}

	static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
		res.setStatus(status);
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}");
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
				var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
				context.setAuthentication(auth);
				org.springframework.security.core.context.SecurityContextHolder.setContext(context);
				try {
					chain.doFilter(req, res);
				}
				finally {
					org.springframework.security.core.context.SecurityContextHolder.clearContext();
				}
				return;
			}
			chain.doFilter(req, res);
		}
	}

	/** A user whose password was set by someone else must change it before doing anything else. */
	static final class MustChangePasswordFilter extends OncePerRequestFilter {
		@Override
		protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
			String path = req.getRequestURI().substring(req.getContextPath().length());
			if (auth != null && auth.getPrincipal() instanceof ZhifaUser user && user.mustChangePassword()
					&& !path.equals("/account/password") && !path.equals("/logout") && !path.startsWith("/webjars/")
					&& !path.startsWith("/css/") && !path.startsWith("/js/")) {
				if (path.startsWith("/api/")) {
					problem(res, 403, "须修改密码", "首次登录或密码被重置后须先修改密码");
				}
				else {
					res.sendRedirect(req.getContextPath() + "/account/password");
				}
				return;
			}
			chain.doFilter(req, res);
		}
	}
}
