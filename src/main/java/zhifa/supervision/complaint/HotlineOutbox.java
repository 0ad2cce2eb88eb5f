package zhifa.supervision.complaint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.supervision.complaint.persistence.HotlineReplyRows;

/**
 * The replies owed to the 12345 system: read by polling ({@link #since}), and pushed by HTTP POST to
 * {@code zhifa.hotline.push-url} when it is set — each reply retried with a doubling backoff and, after the configured
 * attempts, dead-lettered for the platform administrator, who may push it again. Delivery and dead-lettering are
 * recorded on the complaint's chain.
 */
@Service
public class HotlineOutbox {

	private static final Logger log = LoggerFactory.getLogger(HotlineOutbox.class);

	/** Where and how replies are pushed; an empty URL disables the push (polling only). */
	public record Settings(String url, String token, int attempts, Duration backoff) {

		public Settings {
			attempts = Math.max(1, attempts);
			backoff = backoff == null || backoff.isNegative() ? Duration.ZERO : backoff;
		}

		public boolean enabled() {
			return url != null && !url.isBlank();
		}

		/** When the next attempt is due after {@code attempts} failures: backoff × 2^(attempts−1), at most a day. */
		public Instant nextAfter(Instant now, int attempts) {
			return zhifa.shared.Backoff.next(now, backoff, attempts);
		}
	}

	private final HotlineReplyRows rows;
	private final FullProcessRecord record;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final Settings configured;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	HotlineOutbox(HotlineReplyRows rows, FullProcessRecord record, PlatformTransactionManager transactions, Clock clock,
			@Value("${zhifa.hotline.push-url:}") String url, @Value("${zhifa.hotline.push-token:}") String token,
			@Value("${zhifa.hotline.push-attempts:5}") int attempts, @Value("${zhifa.hotline.push-backoff:PT1M}") Duration backoff) {
		this.rows = rows;
		this.record = record;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.configured = new Settings(url, token, attempts, backoff);
	}

	public Settings settings() {
		return configured;
	}

	/** The replies after the cursor for the orders the calling 12345 system (its token's body) sent, oldest first. */
	public List<HotlineReply> since(Operator op, long cursor, int limit) {
		if (cursor < 0) {
			throw BusinessRuleViolation.onField("since", "since 应为不小于0的整数（上次取到的最后一条答复的 id）");
		}
		Long body = op.operatorKind() == Operator.Kind.TOKEN ? op.bodyId() : null;
		if (op.operatorKind() != Operator.Kind.TOKEN && !op.holdsAnyRole(List.of("PLATFORM_ADMIN"))) {
			throw new AccessDeniedException("答复由12345系统的API令牌读取");
		}
		return rows.since(cursor, body, Math.min(Math.max(limit, 1), 500));
	}

	public List<HotlineReply> deadLetters() {
		return rows.dead(200);
	}

	public long deadLetterCount() {
		return rows.deadCount();
	}

	@Scheduled(fixedDelayString = "${zhifa.hotline.push-interval:PT1M}", initialDelayString = "${zhifa.hotline.push-interval:PT1M}")
	@SchedulerLock(name = "hotline-push", lockAtMostFor = "PT10M")
	public void scheduledPush() {
		if (configured.enabled()) {
			push(configured);
		}
	}

	/** What one round did. */
	public record Round(int delivered, int retried, int deadLettered) {
	}

	/** Pushes every due reply once with these settings; nothing is pushed when the URL is empty. */
	public Round push(Settings settings) {
		if (!settings.enabled()) {
			return new Round(0, 0, 0);
		}
		int delivered = 0;
		int retried = 0;
		int dead = 0;
		for (HotlineReply r : rows.due(clock.instant(), 100)) {
			String error = post(settings, r);
			int attempts = r.attempts() + 1;
			Instant now = clock.instant();
			if (error == null) {
				Boolean done = tx.execute(s -> {
					if (!rows.delivered(r.id(), attempts, now)) {
						return false;
					}
					record.append(Operator.SYSTEM, "sv_complaint", r.complaintId(), r.supervisingBodyId(), "hotline.reply_delivered",
							"答复已推送至12345系统（工单 " + r.orderNo() + "，第" + attempts + "次尝试）", Map.of("orderNo", r.orderNo(), "attempts", attempts));
					return true;
				});
				delivered += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			else if (attempts >= settings.attempts()) {
				Boolean done = tx.execute(s -> {
					if (!rows.failed(r.id(), attempts, now, error, true)) {
						return false;
					}
					record.append(Operator.SYSTEM, "sv_complaint", r.complaintId(), r.supervisingBodyId(), "hotline.reply_dead",
							"答复推送至12345系统失败 " + attempts + " 次，已转入推送失败清单：" + error,
							Map.of("orderNo", r.orderNo(), "attempts", attempts, "error", error));
					return true;
				});
				dead += Boolean.TRUE.equals(done) ? 1 : 0;
				log.warn("Hotline reply {} (order {}) dead-lettered after {} attempts: {}", r.id(), r.orderNo(), attempts, error);
			}
			else {
				tx.executeWithoutResult(s -> rows.failed(r.id(), attempts, settings.nextAfter(now, attempts), error, false));
				retried++;
			}
		}
		return new Round(delivered, retried, dead);
	}

	/** The platform administrator pushes a dead letter again (重新推送): back to the queue, due now, attempts from zero. */
	public HotlineReply requeue(Operator op, long id) {
		if (!op.holdsAnyRole(List.of("PLATFORM_ADMIN"))) {
			throw new AccessDeniedException("重新推送由系统管理员办理");
		}
		return tx.execute(s -> {
			HotlineReply r = rows.find(id).orElseThrow(() -> new NotFound("推送记录 " + id));
			if (!rows.requeue(id, clock.instant())) {
				throw new Conflict("该答复当前为“" + r.state().label() + "”，只有推送失败的答复才能重新推送");
			}
			record.append(op, "sv_complaint", r.complaintId(), r.supervisingBodyId(), "hotline.reply_requeued",
					"重新推送工单 " + r.orderNo() + " 的答复", Map.of("orderNo", r.orderNo(), "attempts", r.attempts()));
			return rows.find(id).orElseThrow();
		});
	}

	/** {@code null} when the 12345 system took the reply (2xx), else why not. */
	private String post(Settings settings, HotlineReply r) {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url().strip())).timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json; charset=utf-8").header("X-Reply-Id", String.valueOf(r.id()))
				.POST(HttpRequest.BodyPublishers.ofString(r.payload(), StandardCharsets.UTF_8));
			if (settings.token() != null && !settings.token().isBlank()) {
				b.header("Authorization", "Bearer " + settings.token().strip());
			}
			HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			if (res.statusCode() / 100 == 2) {
				return null;
			}
			String body = res.body() == null ? "" : res.body().strip();
			return truncate("HTTP " + res.statusCode() + (body.isEmpty() ? "" : "：" + body));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "推送被中断";
		}
		catch (Exception e) {
			return truncate("无法连接12345系统：" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
		}
	}

	private static String truncate(String s) {
		return s.length() > 480 ? s.substring(0, 480) + "…" : s;
	}
}
