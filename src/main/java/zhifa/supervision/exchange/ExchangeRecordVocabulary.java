package zhifa.supervision.exchange;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the reporting of enforcement acts by other systems. */
@Component
class ExchangeRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("exchange.batch_received", "收到执法行为报送", "exchange.act_reported", "报送执法行为", "exchange.source_created", "登记报送系统",
				"exchange.source_changed", "修改报送系统", "exchange.mapping_saved", "保存代码映射", "exchange.mapping_removed", "删除代码映射");
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("channel", "报送方式"), Map.entry("received", "收到条数"), Map.entry("accepted", "接收条数"),
				Map.entry("unchanged", "未变化条数"), Map.entry("refused", "拒收条数"), Map.entry("refusedIds", "拒收的外部编号"), Map.entry("source", "报送系统"),
				Map.entry("externalId", "外部编号"), Map.entry("version", "版本号"), Map.entry("stage", "办理阶段"), Map.entry("matterCode", "事项编码"),
				Map.entry("validOfficers", "有效执法人员数"), Map.entry("warnings", "提示"), Map.entry("code", "系统代码"), Map.entry("name", "名称"),
				Map.entry("active", "启用"), Map.entry("bodies", "可报送的执法主体"), Map.entry("codeClass", "代码类别"), Map.entry("externalCode", "对方代码"),
				Map.entry("ourCode", "本平台代码"), Map.entry("before", "原映射"));
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(SourceSystems.SUBJECT, "报送系统", "sv_act", "执法行为");
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> v = new java.util.HashMap<>();
		for (ActExchange.Channel c : ActExchange.Channel.values()) {
			v.put(c.name(), c.label());
		}
		for (CodeClass c : CodeClass.values()) {
			v.putIfAbsent(c.name(), c.label());
		}
		OurCodes.STAGES.forEach(v::putIfAbsent);
		return v;
	}
}
