import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { FileField, SelectField, TextArea, TextField } from "~/components/Field";
import { SignUpForm } from "~/components/SignUpForm";
import { EmailField, PasswordField, PhoneField, ProvinceField } from "~/components/PersonFields";
import { hasValidCsrfToken, issueCsrfToken, rotateCsrfToken } from "~/lib/csrf.server";
import { ENTITY_TYPES, keptValues, parseForm, producerSignupSchema } from "~/lib/forms";
import { useFormAnswer } from "~/lib/form-answer";
import { useT } from "~/lib/i18n";
import { signUpProducer, vendor } from "~/lib/backend/producer-portal.server";
import { readPortalForm, uploadAll } from "~/lib/producer-uploads.server";
import { provinceOptions } from "~/lib/backend/reference-data.server";
import { getLang } from "~/lib/lang.server";
import { csrfRefusal, localizedRefusal, type PortalFormData, refusedForm } from "~/lib/portal.server";
import { commit, getSession, PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [provinces, { csrf, headers }] = await Promise.all([provinceOptions(), issueCsrfToken(request)]);
  return data({ provinces, csrf }, { headers: { ...PRIVATE_HEADERS, ...headers } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { form, tooLarge } = await readPortalForm(request);
  if (tooLarge) {
    return refusedForm<PortalFormData>({ errors: { logo: "pu.tooLarge" }, values: {}, formError: "form.fixErrors" });
  }
  if (!(await hasValidCsrfToken(request, form))) return csrfRefusal(keptValues(form));
  const parsed = parseForm(producerSignupSchema, form);
  if (!parsed.ok) {
    return refusedForm<PortalFormData>({ ...parsed, formError: "form.fixErrors" });
  }
  const result = await signUpProducer(parsed.data, context.clientIp);
  if (!result.ok) {
    // The backend may still refuse (a stricter rule, a taken email, too many attempts): in our language.
    const refusal = localizedRefusal(result, await getLang(request));
    return refusedForm<PortalFormData>({ ...refusal, values: keptValues(form) }, result.status);
  }
  const session = await getSession(request);
  session.set("producerToken", result.data.token);
  rotateCsrfToken(session);
  // The logo can only be stored once the producer exists; a refused one is asked for again on the profile.
  const logo = await uploadAll(result.data.token, form, "logo", "logo", await getLang(request));
  const logoSaved =
    logo.ok && logo.ids[0] ? (await vendor.updateMe(result.data.token, { logo_upload_id: logo.ids[0] })).ok : logo.ok;
  throw redirect(logoSaved ? "/producer/profile" : "/producer/profile?logo=refused", {
    headers: { ...PRIVATE_HEADERS, ...(await commit(session)) },
  });
}

export default function ProducerSignup() {
  const { provinces, csrf } = useLoaderData<typeof loader>();
  const { answer: actionData, values: v, errors: e } = useFormAnswer<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <SignUpForm
        title={tr("portal.signup")}
        intro={tr("portal.signupIntro")}
        csrf={csrf}
        formError={actionData?.formError}
        submitLabel={tr("portal.signupSubmit")}
        busy={navigation.state === "submitting"}
        withFiles
        signIn={{ question: tr("portal.haveAccount"), to: "/producer/login", link: tr("portal.login") }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <EmailField autoComplete="username" defaultValue={v.email} error={e.email} />
          <PasswordField isNew hint={tr("form.password")} error={e.password} />
        </div>
        <TextField name="name" label={tr("producer.name")} required defaultValue={v.name} error={e.name} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="entity_type"
            label={tr("producer.type")}
            required
            placeholder={tr("checkout.choose")}
            options={ENTITY_TYPES.map((t) => ({ value: t, label: tr(`entity.${t}`) }))}
            defaultValue={v.entity_type}
            error={e.entity_type}
          />
          <ProvinceField provinces={provinces} defaultValue={v.province_code} error={e.province_code} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <PhoneField hint={tr("checkout.phoneHint")} defaultValue={v.phone} error={e.phone} />
          <TextField name="ward" label={tr("checkout.ward")} defaultValue={v.ward} error={e.ward} />
        </div>
        <TextField name="address" label={tr("checkout.street")} defaultValue={v.address} error={e.address} />
        <TextArea name="story" label={tr("producer.story")} defaultValue={v.story} error={e.story} />
        <FileField
          name="logo"
          label={`${tr("pu.logo")} (${tr("form.optional")})`}
          hint={tr("pu.logoHint")}
          accept="image/jpeg,image/png,image/webp"
          error={e.logo}
        />
      </SignUpForm>
    </div>
  );
}
