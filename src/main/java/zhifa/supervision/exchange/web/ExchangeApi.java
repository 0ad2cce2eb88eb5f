package zhifa.supervision.exchange.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import zhifa.shared.AccessRefused;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.ApiProblems;
import zhifa.shared.web.Downloads;
import zhifa.supervision.exchange.ActExcel;
import zhifa.supervision.exchange.ActExchange;
import zhifa.supervision.exchange.CodeClass;
import zhifa.supervision.exchange.CodeMapping;
import zhifa.supervision.exchange.ReportedAct;
import zhifa.supervision.exchange.ReportingRefused;
import zhifa.supervision.exchange.SourceSystem;
import zhifa.supervision.exchange.SourceSystems;

@Tag(name = "执法行为报送", description = "其他业务系统向执法行为台账报送执法行为（JSON 批量或 Excel 导入），报送系统与代码映射的维护")
@RestController
@RequestMapping("/api/v1/exchange")
class ExchangeApi {

	private final ActExchange exchange;
	private final SourceSystems sources;
	private final ApplicationEventPublisher events;

	ExchangeApi(ActExchange exchange, SourceSystems sources, ApplicationEventPublisher events) {
		this.exchange = exchange;
		this.sources = sources;
		this.events = events;
	}

	/** A batch of reported acts. */
	record Batch(List<ReportedAct> acts) {
	}

	@Operation(summary = "报送执法行为（JSON 批量）", description = "以所属单位的 API 令牌（Bearer）调用，X-Source-System 头给出报送系统代码；令牌所属单位须是该系统的报送单位。"
			+ "逐条校验，逐条返回 ACCEPTED（已接收）/ UNCHANGED（版本未更新）/ REFUSED（拒收，附中文错误）；合格记录保存，拒收记录不写入；批次本身有误时返回 400")
	@PreAuthorize("hasRole('API_CLIENT')")
	@PostMapping("/acts")
	ActExchange.BatchResult report(@RequestHeader(name = "X-Source-System", required = false) String source, @RequestBody Batch batch) {
		if (source == null || source.isBlank()) {
			throw BusinessRuleViolation.onField("X-Source-System", "请在 X-Source-System 头中给出报送系统代码");
		}
		return exchange.receive(Operator.current(), source.strip(), batch == null ? null : batch.acts(), ActExchange.Channel.API, false);
	}

	@Operation(summary = "以 Excel 导入执法行为（无业务系统的单位）", description = "系统管理员或执法监督人员选择报送系统并上传按模板填写的 .xlsx；逐行返回结果（index 为表格行号）")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping(path = "/acts/excel", consumes = "multipart/form-data")
	ActExchange.BatchResult upload(@RequestParam String source, @RequestParam(required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw BusinessRuleViolation.onField("file", "请选择要导入的 Excel 文件");
		}
		return exchange.receiveAll(Operator.current(), source, ActExcel.read(file.getBytes()), ActExchange.Channel.EXCEL, false);
	}

	@Operation(summary = "下载执法行为导入模板")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@GetMapping("/acts/excel-template")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("执法行为报送模板.xlsx", ActExcel.template());
	}

	@Operation(summary = "报送系统列表")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@GetMapping("/sources")
	List<SourceSystem> sources() {
		return sources.list();
	}

	@Operation(summary = "登记或修改报送系统", description = "系统代码、名称、是否启用、可报送的执法主体")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PutMapping("/sources/{code}")
	SourceSystem save(@PathVariable String code, @RequestBody SourceSystems.SourceForm form) {
		return sources.save(code, form, false);
	}

	@Operation(summary = "报送系统的代码映射")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@GetMapping("/sources/{code}/mappings")
	List<CodeMapping> mappings(@PathVariable String code) {
		return sources.mappings(code);
	}

	@Operation(summary = "新增或修改代码映射", description = "代码类别 MATTER、STAGE、DECISION_OUTCOME、PARTY_KIND、BODY；对方代码 → 本平台代码")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/sources/{code}/mappings")
	CodeMapping map(@PathVariable String code, @RequestBody SourceSystems.MappingForm form) {
		return sources.map(code, form);
	}

	@Operation(summary = "删除代码映射")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@DeleteMapping("/sources/{code}/mappings/{codeClass}/{externalCode}")
	Map<String, String> unmap(@PathVariable String code, @PathVariable CodeClass codeClass, @PathVariable String externalCode) {
		sources.unmap(code, codeClass, externalCode);
		return Map.of("result", "已删除");
	}

	@ExceptionHandler(ReportingRefused.class)
	ProblemDetail refused(ReportingRefused e, HttpServletRequest request) {
		events.publishEvent(new AccessRefused(Operator.current(), zhifa.shared.AccessRefused.request(request.getMethod(), request.getRequestURI()), e.getMessage()));
		return ApiProblems.problem(HttpStatus.FORBIDDEN, "无权报送", e.getMessage(), Map.of());
	}
}
