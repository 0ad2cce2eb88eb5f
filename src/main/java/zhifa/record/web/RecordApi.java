package zhifa.record.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.record.ChainVerification;
import zhifa.record.DailyAnchors;
import zhifa.record.RecordEntry;
import zhifa.record.RecordQueries;
import zhifa.record.RecordVerifier;
import zhifa.record.SignedAnchors;
import zhifa.shared.NotFound;

@Tag(name = "全过程记录", description = "只可追加的哈希链记录（SM3 链接、HMAC-SM3 认证码）、链校验与 SM2 签名锚定")
@RestController
@RequestMapping("/api/v1/records")
class RecordApi {

	private final RecordQueries queries;
	private final RecordVerifier verifier;
	private final DailyAnchors daily;
	private final SignedAnchors anchors;

	RecordApi(RecordQueries queries, RecordVerifier verifier, DailyAnchors daily, SignedAnchors anchors) {
		this.queries = queries;
		this.verifier = verifier;
		this.daily = daily;
		this.anchors = anchors;
	}

	@Operation(summary = "最新记录（按数据范围，按 id 倒序，before 为上一页最后一条的 id）", description = "kind=LOGINS 只列登录日志（登录、退出、失败、锁定）")
	@GetMapping
	List<RecordEntry> latest(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size,
			@RequestParam(defaultValue = "ALL") RecordQueries.Kind kind) {
		return queries.latest(RecordQueries.View.current(), kind, before, size);
	}

	@Operation(summary = "签名锚定列表", description = "每小时（含当天）一个 SM3 默克尔根，以 SM2 签名；公钥见 /api/v1/public/record/signing-key")
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/anchors")
	List<SignedAnchors.SignedAnchor> anchors() {
		return anchors.all();
	}

	@Operation(summary = "某号签名锚定及其叶子（各链在该时段的最后一条记录）", description = "holds 表示按当前记录重新计算的根与签名的根一致")
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/anchors/{seq}")
	Map<String, Object> anchor(@PathVariable long seq) {
		var anchor = anchors.find(seq).orElseThrow(() -> new NotFound("该号锚定"));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("anchor", anchor);
		m.put("signedText", anchor.signedText());
		m.put("leaves", anchors.leaves(anchor.periodStart(), anchor.periodEnd()));
		m.put("holds", anchors.computeRoot(anchor.periodStart(), anchor.periodEnd()).equals(anchor.root()));
		return m;
	}

	@Operation(summary = "旧版每日锚定列表（未签名，不再生成）")
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/daily-anchors")
	List<DailyAnchors.Anchor> dailyAnchors() {
		return daily.all();
	}

	@Operation(summary = "旧版某日锚定及其叶子")
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/daily-anchors/{day}")
	Map<String, Object> dailyAnchor(@PathVariable LocalDate day) {
		var anchor = daily.find(day).orElseThrow(() -> new NotFound("该日的锚定"));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("day", anchor.day());
		m.put("root", anchor.root());
		m.put("chains", anchor.chains());
		m.put("createdAt", anchor.createdAt());
		m.put("leaves", daily.leaves(day));
		m.put("holds", daily.computeRoot(day).equals(anchor.root()));
		return m;
	}

	@Operation(summary = "某对象的全部记录")
	@GetMapping("/{subjectType}/{subjectId}")
	List<RecordEntry> timeline(@PathVariable String subjectType, @PathVariable String subjectId) {
		return queries.timeline(RecordQueries.View.current(), subjectType, subjectId);
	}

	@Operation(summary = "校验某对象的记录链", description = "intact 表示链完整；否则 firstBrokenSeq 为第一条不成立的序号")
	@GetMapping("/{subjectType}/{subjectId}/verification")
	ChainVerification verify(@PathVariable String subjectType, @PathVariable String subjectId) {
		queries.timeline(RecordQueries.View.current(), subjectType, subjectId);
		return verifier.verifyChain(subjectType, subjectId);
	}
}
