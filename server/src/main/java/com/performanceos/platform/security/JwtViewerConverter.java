package com.performanceos.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

import com.performanceos.platform.validation.ControlCharacters;

/**
 * Reads the tenant and roles out of a validated token. A token without a tenant is refused: a
 * caller that belongs to no tenant can see nothing. Role names the platform does not know are
 * ignored (identity providers add their own, such as {@code offline_access}).
 */
final class JwtViewerConverter implements Converter<Jwt, Mono<ViewerAuthentication>> {

	private final String tenantClaim;

	private final String[] rolesPath;

	JwtViewerConverter(SecurityProperties properties) {
		this.tenantClaim = properties.tenantClaim();
		this.rolesPath = properties.rolesClaim().split("\\.");
	}

	@Override
	public Mono<ViewerAuthentication> convert(Jwt jwt) {
		return Mono.fromSupplier(() -> new ViewerAuthentication(toViewer(jwt), jwt));
	}

	Viewer toViewer(Jwt jwt) {
		String tenant = jwt.getClaimAsString(tenantClaim);
		if (tenant == null || tenant.isBlank()) {
			throw new InvalidBearerTokenException("The token carries no '" + tenantClaim + "' claim");
		}
		// The tenant and subject reach SQL, logs and Redis keys: a control character in either (NUL
		// above all, which PostgreSQL refuses) makes the token unusable, refused here as any bad token.
		String subject = jwt.getSubject() != null ? jwt.getSubject() : "anonymous-client";
		if (ControlCharacters.firstForbidden(tenant, ControlCharacters.Kind.IDENTIFIER) >= 0
				|| ControlCharacters.firstForbidden(subject, ControlCharacters.Kind.IDENTIFIER) >= 0) {
			throw new InvalidBearerTokenException("The token's '" + tenantClaim + "' or 'sub' claim holds a control character");
		}
		return new Viewer(subject, tenant, roles(jwt.getClaims()));
	}

	private Set<Role> roles(Map<String, Object> claims) {
		@Nullable Object node = claims;
		for (String segment : rolesPath) {
			node = node instanceof Map<?, ?> map ? map.get(segment) : null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (node instanceof Collection<?> names) {
			for (Object name : names) {
				for (Role role : Role.values()) {
					if (role.name().equals(String.valueOf(name))) {
						roles.add(role);
					}
				}
			}
		}
		return roles;
	}

}
