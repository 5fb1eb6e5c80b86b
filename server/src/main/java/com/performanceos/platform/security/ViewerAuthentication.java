package com.performanceos.platform.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the validated token and the {@link Viewer} taken from it. */
public final class ViewerAuthentication extends AbstractAuthenticationToken {

	private final Viewer viewer;

	private final Jwt token;

	ViewerAuthentication(Viewer viewer, Jwt token) {
		super(viewer.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
		this.viewer = viewer;
		this.token = token;
		setAuthenticated(true);
	}

	public Viewer viewer() {
		return viewer;
	}

	@Override
	public Object getCredentials() {
		return token;
	}

	@Override
	public Object getPrincipal() {
		return viewer;
	}

	@Override
	public String getName() {
		return viewer.subject();
	}


}
