// The implementation types live in namespaces that follow their folders; the factories in the root namespace name them.
global using LrSchedules.Batching;
global using LrSchedules.Combinators;
global using LrSchedules.Internal;
global using LrSchedules.Plateau;
global using LrSchedules.Shapes;
