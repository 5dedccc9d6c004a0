import {
  BoxGeometry,
  CylinderGeometry,
  ConeGeometry,
  Group,
  Mesh,
  MeshLambertMaterial,
  MeshPhongMaterial,
} from 'three'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'

/** The tools on the bench, each a group whose origin is where it touches the work. */
export interface BenchTools {
  /** 毛笔: the writing brush of the sample station. */
  readonly writingBrush: Group
  /** 刻刀: the knife that outlines the strokes (发刀). */
  readonly knife: Group
  /** 铲刀: the flat chisel that clears the ground (铲底). */
  readonly chisel: Group
  /** 墨刷: the round brush that inks the block. */
  readonly inkBrush: Group
  /** 棕刷: the palm-fibre brush that rubs the paper's back. */
  readonly palmBrush: Group
  /** 砚: the ink stone, which stays where it is. */
  readonly inkStone: Group
}

/**
 * Builds the bench's tools from a few shared materials (every geometry and material is added to
 * `store`). Simple turned and boxed shapes: they read as tools at the bench's distance.
 */
export function buildBenchTools(store: DisposableStore): BenchTools {
  const handleWood = store.add(new MeshLambertMaterial({ color: '#7a5534' }))
  const darkWood = store.add(new MeshLambertMaterial({ color: '#4a3222' }))
  const steel = store.add(
    new MeshPhongMaterial({ color: '#8d9096', shininess: 60, specular: '#cfd3d8' }),
  )
  // Wet ink is glossy: a tight, faint highlight on near black.
  const wetInk = store.add(
    new MeshPhongMaterial({ color: '#0d0c0b', shininess: 120, specular: '#3a3836' }),
  )
  const stone = store.add(new MeshLambertMaterial({ color: '#2f3033' }))
  const palm = store.add(new MeshLambertMaterial({ color: '#6b4a2b' }))

  // 毛笔: a slim bamboo shaft with an inked tip, lying along x.
  const writingBrush = new Group()
  const shaft = new Mesh(store.add(new CylinderGeometry(0.008, 0.009, 0.34, 8)), handleWood)
  shaft.rotation.z = Math.PI / 2
  shaft.position.set(0.19, 0.012, 0)
  const tip = new Mesh(store.add(new ConeGeometry(0.012, 0.05, 8)), wetInk)
  tip.rotation.z = Math.PI / 2
  tip.position.set(0.0, 0.012, 0)
  writingBrush.add(shaft, tip)

  // 刻刀: a short blade in a square handle.
  const knife = new Group()
  const knifeHandle = new Mesh(store.add(new BoxGeometry(0.17, 0.02, 0.022)), darkWood)
  knifeHandle.position.set(0.12, 0.012, 0)
  const knifeBlade = new Mesh(store.add(new BoxGeometry(0.05, 0.006, 0.014)), steel)
  knifeBlade.position.set(0.01, 0.006, 0)
  knife.add(knifeHandle, knifeBlade)

  // 铲刀: a round handle and a broad flat blade.
  const chisel = new Group()
  const chiselHandle = new Mesh(store.add(new CylinderGeometry(0.013, 0.015, 0.16, 10)), handleWood)
  chiselHandle.rotation.z = Math.PI / 2
  chiselHandle.position.set(0.13, 0.015, 0)
  const chiselBlade = new Mesh(store.add(new BoxGeometry(0.06, 0.005, 0.04)), steel)
  chiselBlade.position.set(0.02, 0.004, 0)
  chisel.add(chiselHandle, chiselBlade)

  // 墨刷: a round brush standing on its bristles.
  const inkBrush = new Group()
  const bristles = new Mesh(store.add(new CylinderGeometry(0.05, 0.045, 0.05, 14)), wetInk)
  bristles.position.y = 0.025
  const inkHandle = new Mesh(store.add(new CylinderGeometry(0.022, 0.026, 0.24, 12)), handleWood)
  inkHandle.position.y = 0.17
  inkBrush.add(bristles, inkHandle)

  // 棕刷: palm fibre bound into a flat pad with a grip.
  const palmBrush = new Group()
  const fibre = new Mesh(store.add(new BoxGeometry(0.26, 0.05, 0.14)), palm)
  fibre.position.y = 0.025
  const grip = new Mesh(store.add(new BoxGeometry(0.24, 0.05, 0.09)), handleWood)
  grip.position.y = 0.075
  palmBrush.add(fibre, grip)

  // 砚: a dark stone with a well of wet ink.
  const inkStone = new Group()
  const slab = new Mesh(store.add(new BoxGeometry(0.2, 0.035, 0.13)), stone)
  slab.position.y = 0.0175
  const well = new Mesh(store.add(new BoxGeometry(0.15, 0.004, 0.08)), wetInk)
  well.position.y = 0.036
  inkStone.add(slab, well)

  return { writingBrush, knife, chisel, inkBrush, palmBrush, inkStone }
}
