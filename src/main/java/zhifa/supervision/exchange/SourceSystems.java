package zhifa.supervision.exchange;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;
import zhifa.record.FullProcessRecord;
import zhifa.supervision.exchange.persistence.SourceRows;

/**
 * 报送系统与代码映射, kept by the 系统管理员: which systems may report acts, for which bodies, and how their codes map
 * to ours. Every change is written to the full-process record.
 */
@Service
public class SourceSystems {

	public static final String SUBJECT = "sv_source_system";

	private final SourceRows rows;
	private final FullProcessRecord record;
	private final Clock clock;

	SourceSystems(SourceRows rows, FullProcessRecord record, Clock clock) {
		this.rows = rows;
		this.record = record;
		this.clock = clock;
	}

	/** What the administrator enters for a source system. */
	public record SourceForm(String name, Boolean active, List<Long> bodyIds) {
	}

	/** A mapping as entered: the class, the system's code and ours. */
	public record MappingForm(CodeClass codeClass, String externalCode, String ourCode) {
	}

	public List<SourceSystem> list() {
		return rows.all();
	}

	public Optional<SourceSystem> find(String code) {
		return code == null ? Optional.empty() : rows.byCode(code.strip());
	}

	public SourceSystem get(String code) {
		return find(code).orElseThrow(() -> new NotFound("报送系统“" + code + "”"));
	}

	/** Creates the system or changes its name, state and bodies. */
	@Transactional
	public SourceSystem save(String code, SourceForm form, boolean demo) {
		Map<String, String> errors = new LinkedHashMap<>();
		String c = code == null ? "" : code.strip();
		if (!c.matches("[A-Z][A-Z0-9_-]{1,39}") || c.equals("PLATFORM")) {
			errors.put("code", "系统代码应为2至40位大写字母、数字、下划线或连字符，以字母开头（PLATFORM 为本平台保留）");
		}
		String name = form == null || form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.put("name", "请填写系统名称（不超过100个字）");
		}
		List<Long> bodyIds = form == null || form.bodyIds() == null ? List.of() : form.bodyIds().stream().distinct().toList();
		if (bodyIds.isEmpty()) {
			errors.put("bodyIds", "请选择该系统可以报送的执法主体");
		}
		else {
			Map<Long, String> known = rows.bodyNames(bodyIds);
			List<String> unknown = bodyIds.stream().filter(b -> !known.containsKey(b)).map(String::valueOf).toList();
			if (!unknown.isEmpty()) {
				errors.put("bodyIds", "执法主体不存在：" + String.join("、", unknown));
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		boolean active = form.active() == null || form.active();
		boolean existed = rows.byCode(c).isPresent();
		long id = rows.save(c, name, active, bodyIds, demo, clock.instant());
		SourceSystem saved = rows.byCode(c).orElseThrow();
		record.append(SUBJECT, id, null, existed ? "exchange.source_changed" : "exchange.source_created",
				(existed ? "修改报送系统“" : "登记报送系统“") + name + "”（" + c + "）" + (active ? "" : "，已停用"),
				Map.of("code", c, "name", name, "active", active, "bodies", saved.bodies().stream().map(SourceSystem.Body::name).toList()));
		return saved;
	}

	public List<CodeMapping> mappings(String source) {
		return rows.mappings(get(source).id());
	}

	/** Maps one of the system's codes to ours (replacing an earlier mapping of the same code). */
	@Transactional
	public CodeMapping map(String source, MappingForm form) {
		SourceSystem s = get(source);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form == null || form.codeClass() == null) {
			errors.put("codeClass", "请选择代码类别");
		}
		String external = form == null || form.externalCode() == null ? "" : form.externalCode().strip();
		String our = form == null || form.ourCode() == null ? "" : form.ourCode().strip();
		if (external.isEmpty() || external.length() > 100) {
			errors.put("externalCode", "请填写对方系统的代码（不超过100个字符）");
		}
		if (our.isEmpty() || our.length() > 100) {
			errors.put("ourCode", "请填写本平台的代码（不超过100个字符）");
		}
		else if (form.codeClass() != null) {
			OurCodes.problem(form.codeClass(), our).ifPresent(p -> errors.put("ourCode", p));
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Optional<String> before = rows.saveMapping(s.id(), form.codeClass(), external, our, clock.instant());
		record.append(SUBJECT, s.id(), null, "exchange.mapping_saved",
				"代码映射（" + form.codeClass().label() + "）：“" + external + "” → “" + our + "”" + before.map(b -> "（原为“" + b + "”）").orElse(""),
				Map.of("codeClass", form.codeClass().name(), "externalCode", external, "ourCode", our, "before", before.orElse("")));
		return rows.mappings(s.id()).stream().filter(m -> m.codeClass() == form.codeClass() && m.externalCode().equals(external)).findFirst()
			.orElseThrow();
	}

	@Transactional
	public void unmap(String source, CodeClass codeClass, String externalCode) {
		SourceSystem s = get(source);
		String before = rows.removeMapping(s.id(), codeClass, externalCode == null ? "" : externalCode.strip())
			.orElseThrow(() -> new NotFound("代码映射（" + codeClass.label() + "）“" + externalCode + "”"));
		record.append(SUBJECT, s.id(), null, "exchange.mapping_removed", "删除代码映射（" + codeClass.label() + "）：“" + externalCode + "” → “" + before + "”",
				Map.of("codeClass", codeClass.name(), "externalCode", externalCode, "before", before));
	}

	/** The platform's code a source's code stands for in a class, when mapped. */
	Map<CodeClass, Map<String, String>> mappingTable(SourceSystem s) {
		Map<CodeClass, Map<String, String>> table = new java.util.EnumMap<>(CodeClass.class);
		for (CodeMapping m : rows.mappings(s.id())) {
			table.computeIfAbsent(m.codeClass(), k -> new java.util.HashMap<>()).put(m.externalCode(), m.ourCode());
		}
		return table;
	}

	Optional<SourceSystem.Body> bodyByUscc(String uscc) {
		return rows.bodyByUscc(uscc);
	}
}
