package zhifa.exchange;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the push to the provincial / national system. */
@Component
class OutboundRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("exchange.pushed", "已推送至上级系统", "exchange.push_rejected", "推送被接收方拒绝", "exchange.push_failed", "推送多次失败",
				"exchange.push_requeued", "重新推送", "exchange.code_mapped", "保存推送代码映射", "exchange.code_unmapped", "删除推送代码映射",
				"exchange.full_queued", "全量推送排队");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("elementClass", "数据类别", "attempts", "尝试次数", "idempotencyKey", "幂等键", "error", "接收方答复", "count", "条数",
				"codeClass", "代码类别", "ourCode", "本平台代码", "externalCode", "对方代码", "before", "原映射", "version", "版本号");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(Outbox.SUBJECT, "推送数据", CodeTables.SUBJECT, "推送代码映射");
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> v = new HashMap<>();
		for (ElementClass c : ElementClass.values()) {
			v.put(c.name(), c.label());
		}
		for (OutboundCodeClass c : OutboundCodeClass.values()) {
			v.putIfAbsent(c.name(), c.label());
		}
		return v;
	}
}
