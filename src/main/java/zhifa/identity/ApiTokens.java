package zhifa.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Sm3;

/**
 * Per-body API tokens for other systems calling {@code /api/**}: the secret is shown once at creation, stored only
 * as its SM3 hash, revocable; each call is attributed to the token (last use and call count, and record entries).
 */
@Service
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A token as listed (never the secret). */
	public record ApiToken(long id, long bodyId, String bodyName, String name, String prefix, Instant createdAt,
			String createdBy, Instant revokedAt, Instant lastUsedAt, long callCount) {
		public boolean active() {
			return revokedAt == null;
		}
	}

	/** A new token with its secret, which is not stored and cannot be shown again. */
	public record IssuedToken(ApiToken token, String secret) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final OrganizationDirectory directory;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;
	private final TokenUsage usage;

	ApiTokens(NamedParameterJdbcTemplate jdbc, OrganizationDirectory directory, BodyScopes scopes, FullProcessRecord record,
			Clock clock, TokenUsage usage) {
		this.usage = usage;
		this.jdbc = jdbc;
		this.directory = directory;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
	}

	public List<ApiToken> list(DataScope scope) {
		String where = scope.kind() == DataScope.Kind.ALL ? "true" : "t.body_id in (:ids)";
		var ids = scope.kind() == DataScope.Kind.ALL ? List.of(-1L) : List.copyOf(scopes.visibleBodyIds(scope));
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				select t.*, b.name as body_name, u.username as created_by_name from idn_api_token t
				join body_view b on b.id = t.body_id left join idn_user u on u.id = t.created_by
				where """ + " " + where + " order by t.revoked_at nulls first, t.created_at desc", Map.of("ids", ids),
				(rs, i) -> new ApiToken(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"),
						rs.getString("name"), rs.getString("token_prefix"), rs.getTimestamp("created_at").toInstant(),
						rs.getString("created_by_name"), instant(rs.getTimestamp("revoked_at")),
						latest(instant(rs.getTimestamp("last_used_at")), usage.pendingLastUsed(rs.getLong("id"))),
						rs.getLong("call_count") + usage.pendingCalls(rs.getLong("id"))));
	}

	@Transactional
	public IssuedToken issue(ZhifaUser actor, long bodyId, String name) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw BusinessRuleViolation.onField("name", "请填写令牌用途名称（不超过100个字），如“市场监管业务系统”");
		}
		if (!actor.has(Role.SECURITY_ADMIN) && !(actor.has(Role.UNIT_ADMIN) && Long.valueOf(bodyId).equals(actor.bodyId()))) {
			throw new BusinessRuleViolation("只能为本单位创建令牌");
		}
		if (directory.facts(bodyId).filter(OrganizationDirectory.BodyFacts::active).isEmpty()) {
			throw BusinessRuleViolation.onField("bodyId", "所选单位不存在或已停用");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "zf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String prefix = secret.substring(0, 10);
		long id = jdbc.queryForObject("""
				insert into idn_api_token (body_id, name, token_prefix, token_hash, created_by, created_at)
				values (:b, :n, :p, :h, :u, :now) returning id""",
				new MapSqlParameterSource().addValue("b", bodyId).addValue("n", name.strip()).addValue("p", prefix)
					.addValue("h", Sm3.hex(secret)).addValue("u", actor.id()).addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		record.append("api_token", id, bodyId, "token.issued", "创建API令牌“" + name.strip() + "”（" + prefix + "…）",
				Map.of("name", name.strip(), "prefix", prefix));
		ApiToken token = list(DataScope.all()).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
		return new IssuedToken(token, secret);
	}

	@Transactional
	public void revoke(ZhifaUser actor, long id) {
		ApiToken token = list(actor.accountScope()).stream().filter(t -> t.id() == id).findFirst()
			.orElseThrow(() -> new NotFound("API令牌"));
		if (!actor.has(Role.SECURITY_ADMIN) && !(actor.has(Role.UNIT_ADMIN) && Long.valueOf(token.bodyId()).equals(actor.bodyId()))) {
			throw new BusinessRuleViolation("只能吊销本单位的令牌");
		}
		if (!token.active()) {
			throw new BusinessRuleViolation("该令牌已吊销");
		}
		jdbc.update("update idn_api_token set revoked_at = now(), revoked_by = :u where id = :id",
				Map.of("u", actor.id(), "id", id));
		record.append("api_token", id, token.bodyId(), "token.revoked", "吊销API令牌“" + token.name() + "”", Map.of());
	}

	/**
	 * Resolves a presented secret to its active token of an active body, in one read; the call is counted in memory
	 * ({@link TokenUsage}), not written to the token row.
	 */
	public Optional<TokenPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith("zf_") || secret.length() > 100) {
			return Optional.empty();
		}
		Optional<TokenPrincipal> found = jdbc.query("""
				select t.id, t.body_id, t.name from idn_api_token t join body_view b on b.id = t.body_id
				where t.token_hash = :h and t.revoked_at is null and b.status = 'ACTIVE'""", Map.of("h", Sm3.hex(secret)),
				(rs, i) -> new TokenPrincipal(rs.getLong(1), rs.getString(3), rs.getLong(2))).stream().findFirst();
		found.ifPresent(p -> usage.count(p.tokenId(), clock.instant()));
		return found;
	}

	private static Instant latest(Instant a, Instant b) {
		return a == null ? b : b == null || a.isAfter(b) ? a : b;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
