package zhifa.supervision.exchange;

/** One code of a source system and the platform's code it stands for (代码映射). */
public record CodeMapping(long id, String source, CodeClass codeClass, String externalCode, String ourCode) {
}
