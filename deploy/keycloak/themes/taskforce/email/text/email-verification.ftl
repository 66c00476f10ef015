<#ftl output_format="plainText">
<#if user?? && user.firstName?has_content>${msg("taskforceGreeting", user.firstName)}<#else>${msg("taskforceGreetingAnonymous")}</#if>

${msg("taskforceEmailVerificationIntro")}

${link}

${msg("taskforceLinkValidity", linkExpirationFormatter(linkExpiration))}

${msg("taskforceEmailVerificationIgnore")}

-- 
${msg("taskforceName")} — ${msg("taskforceTagline")}
${msg("taskforceFooter")}
