/**
 * Cross-cutting pieces every module may use: the clock, request ids, the problem+json error
 * contract, error pages and the home page. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package health.limber.platform;
