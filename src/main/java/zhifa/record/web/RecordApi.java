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
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

@Tag(name = "全过程记录", description = "只可追加的哈希链记录、链校验与每日锚定")
@RestController
@RequestMapping("/api/v1/records")
class RecordApi {

	private final RecordQueries queries;
	private final RecordVerifier verifier;
	private final DailyAnchors anchors;

	RecordApi(RecordQueries queries, RecordVerifier verifier, DailyAnchors anchors) {
		this.queries = queries;
		this.verifier = verifier;
		this.anchors = anchors;
	}

	@Operation(summary = "最新记录（按数据范围，按 id 倒序，before 为上一页最后一条的 id）")
	@GetMapping
	List<RecordEntry> latest(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size) {
		return queries.latest(Operator.current().scope(), before, size);
	}

	@Operation(summary = "每日锚定列表")
	@GetMapping("/anchors")
	List<DailyAnchors.Anchor> anchors() {
		return anchors.all();
	}

	@Operation(summary = "某日锚定及其叶子（各链当日最后一条记录）")
	@GetMapping("/anchors/{day}")
	Map<String, Object> anchor(@PathVariable LocalDate day) {
		var anchor = anchors.find(day).orElseThrow(() -> new NotFound("该日的锚定"));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("day", anchor.day());
		m.put("root", anchor.root());
		m.put("chains", anchor.chains());
		m.put("createdAt", anchor.createdAt());
		m.put("leaves", anchors.leaves(day));
		m.put("holds", anchors.computeRoot(day).equals(anchor.root()));
		return m;
	}

	@Operation(summary = "某对象的全部记录")
	@GetMapping("/{subjectType}/{subjectId}")
	List<RecordEntry> timeline(@PathVariable String subjectType, @PathVariable String subjectId) {
		return queries.timeline(Operator.current().scope(), subjectType, subjectId);
	}

	@Operation(summary = "校验某对象的记录链", description = "intact 表示链完整；否则 firstBrokenSeq 为第一条不成立的序号")
	@GetMapping("/{subjectType}/{subjectId}/verification")
	ChainVerification verify(@PathVariable String subjectType, @PathVariable String subjectId) {
		queries.timeline(Operator.current().scope(), subjectType, subjectId);
		return verifier.verifyChain(subjectType, subjectId);
	}
}
