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
		String subject = jwt.getSubject() != null ? jwt.getSubject() : "anonymous-client";
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
