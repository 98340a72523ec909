import provincesData from "../data/provinces.json"
export function listProvinces() { return provincesData }
