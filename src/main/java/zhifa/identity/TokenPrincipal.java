package zhifa.identity;

import java.io.Serializable;

import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/** Another system calling the API with a body's token: acts for that body, sees that body's data only. */
public record TokenPrincipal(long tokenId, String name, long tokenBodyId) implements Operator, Serializable {

	@Override
	public Kind operatorKind() {
		return Kind.TOKEN;
	}

	@Override
	public Long operatorId() {
		return tokenId;
	}

	@Override
	public String operatorName() {
		return "API令牌：" + name;
	}

	@Override
	public Long bodyId() {
		return tokenBodyId;
	}

	@Override
	public DataScope scope() {
		return DataScope.body(tokenBodyId);
	}
}
