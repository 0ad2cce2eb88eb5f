package zhifa.exchange;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * The mapping layer: our code → the receiving system's code, per code list, kept by the platform administrator. A code
 * without a mapping is sent as it is. Every change is on the record of its code list.
 */
@Service
public class CodeTables {

	static final String SUBJECT = "ex_code_map";

	public record Mapping(OutboundCodeClass codeClass, String localCode, String remoteCode, String note, String updatedBy, java.time.Instant updatedAt) {
	}

	/** The mappings as one round of delivery uses them. */
	public record Snapshot(Map<OutboundCodeClass, Map<String, String>> codes) {

		public String map(OutboundCodeClass c, String local) {
			if (local == null) {
				return null;
			}
			return codes.getOrDefault(c, Map.of()).getOrDefault(local, local);
		}

		public List<String> map(OutboundCodeClass c, List<String> locals) {
			return locals == null ? List.of() : locals.stream().map(l -> map(c, l)).toList();
		}
	}

	private final JdbcClient jdbc;
	private final FullProcessRecord record;
	private final Clock clock;

	CodeTables(JdbcClient jdbc, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.record = record;
		this.clock = clock;
	}

	public List<Mapping> all() {
		return jdbc.sql("select code_class, local_code, remote_code, note, updated_by, updated_at from ex_code_map order by code_class, local_code")
			.query((rs, i) -> new Mapping(OutboundCodeClass.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	public Snapshot snapshot() {
		Map<OutboundCodeClass, Map<String, String>> m = new EnumMap<>(OutboundCodeClass.class);
		for (Mapping x : all()) {
			m.computeIfAbsent(x.codeClass(), k -> new HashMap<>()).put(x.localCode(), x.remoteCode());
		}
		return new Snapshot(m);
	}

	/** Saves (adds or replaces) one mapping. */
	@Transactional
	public Mapping save(Operator op, String codeClass, String localCode, String remoteCode, String note) {
		requireAdmin(op);
		OutboundCodeClass c = codeClass(codeClass);
		String local = code("localCode", "本平台代码", localCode);
		String remote = code("remoteCode", "对方代码", remoteCode);
		String n = note == null || note.isBlank() ? null : note.strip();
		if (n != null && n.length() > 200) {
			throw BusinessRuleViolation.onField("note", "说明不能超过200个字");
		}
		String before = jdbc.sql("select remote_code from ex_code_map where code_class = ? and local_code = ?").params(c.name(), local)
			.query(String.class).optional().orElse(null);
		jdbc.sql("""
				insert into ex_code_map (code_class, local_code, remote_code, note, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)
				on conflict (code_class, local_code) do update set remote_code = excluded.remote_code, note = excluded.note,
				  updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(c.name(), local, remote, n, op.operatorName(), java.sql.Timestamp.from(clock.instant())).update();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("codeClass", c.name());
		payload.put("ourCode", local);
		payload.put("externalCode", remote);
		if (before != null) {
			payload.put("before", before);
		}
		record.append(op, SUBJECT, c.name(), null, "exchange.code_mapped", c.label() + "：本平台代码 " + local + " 推送为 " + remote
				+ (before != null && !before.equals(remote) ? "（原为 " + before + "）" : ""), payload);
		return all().stream().filter(m -> m.codeClass() == c && m.localCode().equals(local)).findFirst().orElseThrow();
	}

	@Transactional
	public void remove(Operator op, String codeClass, String localCode) {
		requireAdmin(op);
		OutboundCodeClass c = codeClass(codeClass);
		String local = code("localCode", "本平台代码", localCode);
		String before = jdbc.sql("select remote_code from ex_code_map where code_class = ? and local_code = ?").params(c.name(), local)
			.query(String.class).optional().orElseThrow(() -> new NotFound(c.label() + "的映射 " + local));
		jdbc.sql("delete from ex_code_map where code_class = ? and local_code = ?").params(c.name(), local).update();
		record.append(op, SUBJECT, c.name(), null, "exchange.code_unmapped", c.label() + "：删除本平台代码 " + local + " 的映射（原推送为 " + before + "）",
				Map.of("codeClass", c.name(), "ourCode", local, "before", before));
	}

	static void requireAdmin(Operator op) {
		if (!op.holdsAnyRole(List.of("PLATFORM_ADMIN"))) {
			throw new AccessDeniedException("数据推送由系统管理员管理");
		}
	}

	static OutboundCodeClass codeClass(String s) {
		if (s == null || s.isBlank()) {
			throw BusinessRuleViolation.onField("codeClass", "请选择代码类别");
		}
		try {
			return OutboundCodeClass.valueOf(s.strip());
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.onField("codeClass", "没有代码类别“" + shorten(s) + "”");
		}
	}

	private static String code(String field, String label, String s) {
		if (s == null || s.isBlank()) {
			throw BusinessRuleViolation.onField(field, "请填写" + label);
		}
		String v = s.strip();
		if (v.length() > 64) {
			throw BusinessRuleViolation.onField(field, label + "不能超过64个字符");
		}
		if (!v.codePoints().allMatch(cp -> cp > 0x20 && cp != 0x7f && !Character.isISOControl(cp))) {
			throw BusinessRuleViolation.onField(field, label + "不能含空格或控制字符");
		}
		return v;
	}

	private static String shorten(String s) {
		return s.length() > 20 ? s.substring(0, 20) + "…" : s;
	}
}
