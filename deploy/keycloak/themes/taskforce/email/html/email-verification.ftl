<#import "template.ftl" as layout>
<@layout.emailLayout>
<@layout.greeting/>
<p>${msg("taskforceEmailVerificationIntro")}</p>
<@layout.button href=link label=msg("taskforceEmailVerificationButton")/>
<p><strong>${msg("taskforceLinkValidity", linkExpirationFormatter(linkExpiration))}</strong></p>
<p style="color:#334155;">${msg("taskforceEmailVerificationIgnore")}</p>
</@layout.emailLayout>
