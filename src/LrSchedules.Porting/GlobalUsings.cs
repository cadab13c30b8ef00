global using LrSchedules.Batching;
global using LrSchedules.Internal;
global using LrSchedules.Plateau;
global using LrSchedules.Porting.Shapes;
