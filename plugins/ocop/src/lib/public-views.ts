import { getProvinceByCode } from "./provinces"
import { findProductGroup, findSubgroup } from "./product-groups"

/** What shoppers may see of a producer: no internal status reasons, no email of the person. */
export function publicProducer(p: any) {
  const province = getProvinceByCode(p.province_code)
  return {
    id: p.id,
    handle: p.handle,
    name: p.name,
    entity_type: p.entity_type,
    province_code: p.province_code,
    province: province ? { slug: province.slug, name_vi: province.name_vi } : null,
    ward: p.ward,
    address: p.address,
    phone: p.phone,
    story: p.story,
    logo_url: p.logo_url,
  }
}

export function publicCertification(c: any) {
  const province = getProvinceByCode(c.province_code)
  const group = findProductGroup(c.group_slug)
  const sub = c.subgroup_slug ? findSubgroup(c.subgroup_slug) : undefined
  return {
    id: c.id,
    product_id: c.product_id,
    stars: c.stars,
    score: c.score,
    certificate_number: c.certificate_number,
    decision_number: c.decision_number,
    decision_date: c.decision_date,
    issuing_authority: c.issuing_authority,
    legal_basis: c.legal_basis,
    valid_from: c.valid_from,
    expires_at: c.expires_at,
    status: c.status,
    recognition_type: c.recognition_type,
    group_slug: c.group_slug,
    subgroup_slug: c.subgroup_slug,
    group: group ? { slug: group.slug, name_vi: group.name_vi, name_en: group.name_en } : null,
    subgroup: sub ? { slug: sub.subgroup.slug, name_vi: sub.subgroup.name_vi, name_en: sub.subgroup.name_en } : null,
    traceability_code: c.traceability_code,
    traceability_url: c.traceability_url,
    province: province ? { slug: province.slug, name_vi: province.name_vi } : null,
  }
}

export async function listingSummaries(ocop: any, productIds: string[]) {
  const listings = await ocop.listProductListings({ product_id: productIds, listed: true })
  if (!listings.length) return []
  const certIds = listings.map((l: any) => l.certification_id).filter(Boolean)
  const producerIds = [...new Set(listings.map((l: any) => l.producer_id).filter(Boolean))]
  const [certs, producers] = await Promise.all([
    ocop.listCertifications({ id: certIds }),
    ocop.listProducers({ id: producerIds }),
  ])
  const certById = new Map(certs.map((c: any) => [c.id, c]))
  const producerById = new Map(producers.map((p: any) => [p.id, p]))
  return listings.map((l: any) => {
    const c: any = certById.get(l.certification_id)
    const p: any = producerById.get(l.producer_id)
    const province = c ? getProvinceByCode(c.province_code) : undefined
    const group = c ? findProductGroup(c.group_slug) : undefined
    return {
      product_id: l.product_id,
      stars: c?.stars ?? null,
      province: province ? { slug: province.slug, name_vi: province.name_vi } : null,
      group: group ? { slug: group.slug, name_vi: group.name_vi, name_en: group.name_en } : null,
      producer: p ? { id: p.id, handle: p.handle, name: p.name, entity_type: p.entity_type } : null,
    }
  })
}

export type VerifyResult = "valid" | "expired" | "revoked" | "suspended" | "unknown"
