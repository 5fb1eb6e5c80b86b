package com.performanceos.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Parameter;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

/**
 * Counts the SQL statements each tenant's transactions create, to catch N+1 queries in tests. It
 * wraps the application's R2DBC connection factory: a connection learns its tenant from the
 * {@code set_config('app.tenant_id', ...)} statement that {@code TenantDatabase} runs first in each
 * transaction, and counts every later statement for that tenant. Counting per tenant keeps the
 * outbox relay, the escalation scheduler and other tests' requests out of the figure.
 */
public final class SqlStatementCounter implements BeanPostProcessor {

	private static final String TENANT_BINDING = "set_config('app.tenant_id'";

	private final Map<String, AtomicInteger> statementsByTenant = new ConcurrentHashMap<>();

	/** The statements created for the tenant since the last {@link #reset}, its tenant binding excluded. */
	public int statements(String tenant) {
		AtomicInteger count = statementsByTenant.get(tenant);
		return count == null ? 0 : count.get();
	}

	public void reset(String tenant) {
		statementsByTenant.remove(tenant);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ConnectionFactory factory) {
			return proxy(factory, (proxy, method, arguments) -> {
				Object answer = invoke(factory, method, arguments);
				return method.getName().equals("create") ? Mono.from((Publisher<?>) answer).map(this::counting) : answer;
			});
		}
		return bean;
	}

	private Object counting(Object connection) {
		String[] tenant = new String[1];
		return proxy(connection, (proxy, method, arguments) -> {
			Object answer = invoke(connection, method, arguments);
			if (method.getName().equals("createStatement") && arguments != null && arguments[0] instanceof String sql) {
				if (sql.contains(TENANT_BINDING)) {
					return proxy(answer, (statement, bound, values) -> {
						if (bound.getName().equals("bind") && values != null) {
							Object value = values[1] instanceof Parameter parameter ? parameter.getValue() : values[1];
							if (value instanceof String name) {
								tenant[0] = name;
							}
						}
						Object result = invoke(answer, bound, values);
						return result == answer ? statement : result;
					});
				}
				if (tenant[0] != null) {
					statementsByTenant.computeIfAbsent(tenant[0], key -> new AtomicInteger()).incrementAndGet();
				}
			}
			return answer;
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(T target, InvocationHandler handler) {
		// Only public interfaces can be proxied from this package; the SPI's are all public.
		Class<?>[] interfaces = Arrays.stream(ClassUtils.getAllInterfacesForClass(target.getClass()))
			.filter(type -> Modifier.isPublic(type.getModifiers()))
			.toArray(Class<?>[]::new);
		return (T) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), interfaces, handler);
	}

	private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] arguments) throws Throwable {
		try {
			method.setAccessible(true);
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
