package zhifa.inspection.visits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import zhifa.record.RecordEntry;
import zhifa.record.RecordQueries;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;

/**
 * What a task's record says about its inspectors ({@link InspectorDraw}): the pools fixed with the commitment
 * ({@code inspection.inspectors_fixed}), and what the draw took them from ({@code inspection.task_drawn}: each body's
 * pool and cap, the officers kept off each enterprise by a conflict) — for the draw itself and for anyone who
 * recomputes its teams.
 */
@Component
public class DrawRecord {

	private static final JsonMapper PAYLOAD = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;
	private final RecordQueries queries;

	DrawRecord(NamedParameterJdbcTemplate jdbc, RecordQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/** A body's pool of inspectors of a draw, as its record keeps it, and the most visits of the draw one of them takes. */
	public record TeamPool(long bodyId, List<Long> officerIds, int cap) {
	}

	/** What the teams of a drawn task were drawn from: each body's pool and cap, the officers kept off each enterprise, and whether the pools were fixed with the commitment. */
	public record DrawInputs(List<TeamPool> pools, Map<String, List<Long>> conflicts, boolean fixedAtCommit) {
	}

	/** The pools as {@code insp_task.inspector_pools} keeps them: "机关编号:人员编号,人员编号;…", in order. */
	static String poolText(Map<Long, ? extends Collection<Long>> pools) {
		return String.join(";", new TreeMap<>(pools).entrySet().stream()
			.map(e -> e.getKey() + ":" + String.join(",", e.getValue().stream().sorted().map(String::valueOf).toList())).toList());
	}

	/**
	 * The pools fixed at the commitment, by body, as the record says them — the task's own copy must agree (the record is
	 * what anyone checks), or the draw is refused; none for a task committed before pools were fixed.
	 */
	Optional<Map<Long, Set<Long>>> committedPools(long taskId) {
		String text = jdbc.queryForObject("select inspector_pools from insp_task where id = :id", Map.of("id", taskId), String.class);
		if (text == null) {
			return Optional.empty();
		}
		Map<Long, List<Long>> recorded = new TreeMap<>();
		last(taskId, "inspection.inspectors_fixed").ifPresent(p -> {
			JsonNode pools = p.get("inspectorPools");
			pools.propertyNames().forEach(body -> recorded.put(Long.parseLong(body), longs(pools.get(body))));
		});
		if (text.isEmpty() || !poolText(recorded).equals(text)) {
			throw new BusinessRuleViolation("本任务公布时确定的检查人员库与全过程记录不一致（或公布时未确定人员库），不能抽取，请联系系统管理员核查");
		}
		Map<Long, Set<Long>> out = new TreeMap<>();
		recorded.forEach((body, ids) -> out.put(body, Set.copyOf(ids)));
		return Optional.of(out);
	}

	/** The draw's inputs as its record keeps them; empty for a task not drawn, or drawn before they were kept. */
	public DrawInputs inputs(long taskId) {
		List<TeamPool> pools = new ArrayList<>();
		Map<String, List<Long>> conflicts = new TreeMap<>();
		boolean[] fixed = { false };
		last(taskId, "inspection.task_drawn").ifPresent(p -> {
			JsonNode kept = p.get("inspectorPools");
			JsonNode caps = p.get("inspectorCaps");
			if (kept == null || caps == null) {
				return;
			}
			kept.propertyNames().forEach(body -> pools.add(new TeamPool(Long.parseLong(body), longs(kept.get(body)), caps.get(body).asInt())));
			JsonNode conflicted = p.get("inspectorConflicts");
			if (conflicted != null) {
				conflicted.propertyNames().forEach(uscc -> conflicts.put(uscc, longs(conflicted.get(uscc))));
			}
			fixed[0] = p.has("poolsFixedAtCommit") && p.get("poolsFixedAtCommit").asBoolean();
		});
		return new DrawInputs(pools, conflicts, fixed[0]);
	}

	/** The payload of the task's last entry of that action. */
	private Optional<JsonNode> last(long taskId, String action) {
		List<RecordEntry> entries;
		try {
			entries = queries.timeline(DataScope.all(), "insp_task", String.valueOf(taskId));
		}
		catch (NotFound e) {
			return Optional.empty();
		}
		return entries.stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b).map(e -> PAYLOAD.readTree(e.payload()));
	}

	private static List<Long> longs(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(n -> ids.add(n.asLong()));
		return List.copyOf(ids);
	}
}
