package zhifa.discretion.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.discretion.Benchmark;
import zhifa.discretion.BenchmarkForm;
import zhifa.discretion.Benchmarks;

@Tag(name = "行政裁量权基准", description = "省、州、县、本单位四级基准；下级只能在上级阶次和幅度内细化；裁量评估")
@RestController
@RequestMapping("/api/v1/discretion")
class DiscretionApi {

	private final Benchmarks benchmarks;
	private final BenchmarkAccess access;
	private final zhifa.discretion.LeniencyLists lists;

	DiscretionApi(Benchmarks benchmarks, BenchmarkAccess access, zhifa.discretion.LeniencyLists lists) {
		this.benchmarks = benchmarks;
		this.access = access;
		this.lists = lists;
	}

	@Operation(summary = "减免责清单条目")
	@GetMapping("/leniency-items")
	List<zhifa.discretion.LeniencyLists.Item> leniency() {
		return lists.all();
	}

	@Operation(summary = "新增减免责清单条目（平台管理员、执法监督人员）")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/leniency-items")
	@ResponseStatus(HttpStatus.CREATED)
	zhifa.discretion.LeniencyLists.Item addLeniency(@RequestBody zhifa.discretion.LeniencyLists.NewItem item) {
		return lists.add(item, false);
	}

	@Operation(summary = "听证“较大数额”标准（按领域、区划、当事人类型，含依据文件）")
	@GetMapping("/hearing-thresholds")
	List<zhifa.discretion.LeniencyLists.HearingThreshold> thresholds() {
		return lists.thresholds();
	}

	record NewThreshold(String domainCode, Long regionId, zhifa.casework.PartyType partyType, java.math.BigDecimal amountYuan, String sourceDocument,
			java.time.LocalDate effectiveFrom, String note) {
	}

	@Operation(summary = "新增听证“较大数额”标准（平台管理员）")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/hearing-thresholds")
	@ResponseStatus(HttpStatus.CREATED)
	zhifa.discretion.LeniencyLists.HearingThreshold addThreshold(@RequestBody NewThreshold t) {
		return lists.addThreshold(t.domainCode(), t.regionId(), t.partyType(),
				zhifa.shared.Money.fen(t.amountYuan(), "amountYuan"), t.sourceDocument(), t.effectiveFrom(), t.note(), false);
	}

	@Operation(summary = "裁量基准条目")
	@GetMapping("/benchmarks")
	List<Benchmark> list(@RequestParam(required = false) String domain, @RequestParam(required = false) String violationCode) {
		return benchmarks.all(domain, violationCode);
	}

	@Operation(summary = "查看裁量基准条目")
	@GetMapping("/benchmarks/{id}")
	Benchmark get(@PathVariable long id) {
		return benchmarks.get(id);
	}

	@Operation(summary = "制定裁量基准条目", description = "金额单位为元；超出上级同一违法行为基准的阶次、种类或幅度时拒绝，并说明越过的档次和界限")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/benchmarks")
	@ResponseStatus(HttpStatus.CREATED)
	Benchmark create(@RequestBody BenchmarkForm form) {
		access.check(form);
		return benchmarks.save(null, form);
	}

	@Operation(summary = "修改裁量基准条目", description = "同时校验上级基准与已据此细化的下级基准")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PutMapping("/benchmarks/{id}")
	Benchmark update(@PathVariable long id, @RequestBody BenchmarkForm form) {
		access.check(BenchmarkForm.of(benchmarks.get(id)));
		access.check(form);
		return benchmarks.save(id, form);
	}

	@Operation(summary = "裁量评估", description = "按违法行为编码、执法主体、行为日和情节，返回适用的基准及层级、阶次、可处种类和幅度、说理")
	@PostMapping("/assessments")
	Benchmarks.Assessment assess(@RequestBody Benchmarks.AssessmentRequest request) {
		return benchmarks.assess(request);
	}
}
